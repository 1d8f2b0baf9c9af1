package io.rehearsal.report.html;

import io.rehearsal.report.RehearsalReport;

/**
 * The self-contained HTML page of a rehearsal ({@code rehearsal sandbox evaluate --html}): the
 * ranking with its evidence and two inline SVG plots (predicted p99 latency and error rate over
 * time, one line per arm, "do nothing" dashed). No script, no external style sheet or font, nothing
 * fetched. Every value is escaped by the template engine. The markup is well-formed XML, so it can
 * be parsed and checked.
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
