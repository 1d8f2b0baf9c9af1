package io.rehearsal.report.html;

import io.rehearsal.report.RehearsalReport;

/**
 * The self-contained HTML page of a rehearsal ({@code rehearsal sandbox evaluate --html}): the
 * ranking with its evidence and inline SVG plots: predicted p99 latency and error rate over the
 * whole run (mean over replications, one line per arm, "do nothing" dashed) and, when the
 * evaluation kept its predicted series, the same two after the decision as the median in the 10–90
 * % band across replications for "do nothing" and the best three candidates, with the SLO's
 * threshold. No script, no external style sheet or font, nothing fetched. Every value is escaped by
 * the template engine. The markup is well-formed XML, so it can be parsed and checked.
 */
public final class RehearsalHtml {
  /** The template, under {@code templates/} on the class path. */
  public static final String TEMPLATE = "rehearsal-report.html";

  private RehearsalHtml() {}

  /** The page of {@code report}. */
  public static String render(RehearsalReport report) {
    return Templates.get(TEMPLATE).data("page", RehearsalPage.of(report)).render();
  }
}
