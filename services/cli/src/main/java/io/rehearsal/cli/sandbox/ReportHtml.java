package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.BucketMean;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The self-contained HTML report of {@code sandbox evaluate --html}: the ranking with its evidence
 * and two inline SVG plots (predicted p99 latency and error rate over time, one line per arm, "do
 * nothing" dashed). No script, no external style sheet or font, nothing fetched. Every name from
 * the input files is escaped. The markup is well-formed XML, so it can be parsed and checked.
 */
final class ReportHtml {
  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:24px;color:#222}
      table{border-collapse:collapse;font-size:13px}
      th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}
      th.name,td.name{text-align:left}
      tr.baseline td{font-style:italic;background:#f4f4f4}
      tr.worse td{color:#a00}
      .plot .frame{fill:none;stroke:#999}
      .plot .grid{stroke:#eee}
      .plot .marker{stroke:#888;stroke-dasharray:4 3}
      .plot .tick,.plot .label,.plot .marker-label{font-size:11px;fill:#555}
      .plot .series{fill:none;stroke-width:1.8}
      .plot .baseline{stroke-dasharray:6 3;stroke-width:2.4}
      ul.legend{list-style:none;padding:0;font-size:13px}
      ul.legend li{display:inline-block;margin-right:16px}
      ul.legend span.swatch{display:inline-block;width:18px;height:4px;margin-right:6px;vertical-align:middle}
      """;

  private ReportHtml() {}

  static String render(RehearsalReport r) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n")
        .append("<head>\n<meta charset=\"utf-8\"/>\n<title>Rehearsal of incident ")
        .append(Html.escape(r.incident().id()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    summary(out, r);
    table(out, r);
    plot(
        out,
        r,
        "Predicted p99 latency of entry requests (worst entry endpoint)",
        new Svg("p99_s", "p99 ms", 1000, BucketMean::p99, r.timeline()));
    plot(
        out,
        r,
        "Predicted error rate of entry requests",
        new Svg("error_rate", "errors %", 100, BucketMean::errorRate, r.timeline()));
    return out.append("</body>\n</html>\n").toString();
  }

  private static void summary(StringBuilder out, RehearsalReport r) {
    String best = r.result().best() == null ? "do nothing" : r.result().best();
    out.append("<h1>Rehearsal of incident ")
        .append(Html.escape(r.incident().id()))
        .append("</h1>\n")
        .append("<p class=\"title\">")
        .append(Html.escape(r.incident().title()))
        .append("</p>\n")
        .append("<p>Twin <b>")
        .append(Html.escape(r.twin()))
        .append("</b>; fault hypothesis ")
        .append("(root-cause evidence) <b class=\"hypothesis\">")
        .append(Html.escape(Hypotheses.describe(r.hypotheses().get(0))))
        .append("</b>; ")
        .append(Html.escape(r.timeline().describe()))
        .append(".</p>\n")
        .append("<p>Best: <b class=\"best\">")
        .append(Html.escape(best))
        .append("</b> (")
        .append(r.result().totalReplications())
        .append(" replications in ")
        .append(r.result().stages())
        .append(" stage(s); probability of correct selection ")
        .append(Html.escape(ReportText.selection(r.result())))
        .append(").</p>\n");
  }

  private static void table(StringBuilder out, RehearsalReport r) {
    out.append("<table class=\"ranking\">\n<tr><th>rank</th><th class=\"name\">candidate</th>")
        .append("<th>score</th><th>SLO %</th><th>p99 ms</th><th>errors %</th><th>TTR s</th>")
        .append("<th>cost delta replica-s</th><th>utility delta vs do nothing [95% CI]</th>")
        .append(
            "<th>P(improvement)</th><th>worst decile SLO %</th><th class=\"name\">flags</th></tr>\n");
    for (Row row : Row.ranked(r)) {
      CandidateEvidence e = row.evidence();
      String css =
          e == null ? "baseline" : e.flagged(EvidenceFlag.WORSE_THAN_DO_NOTHING) ? "worse" : "";
      out.append("<tr class=\"")
          .append(css)
          .append("\">")
          .append(td(e == null ? "-" : Integer.toString(e.rank())))
          .append("<td class=\"name\">")
          .append(Html.escape(row.name()))
          .append("</td>")
          .append(td(ReportText.fmt("%.4f", row.score())))
          .append(td(ReportText.fmt("%.2f", 100 * row.mean(Metric.SLO_ATTAINMENT))))
          .append(td(ReportText.fmt("%.1f", 1000 * row.mean(Metric.P99_LATENCY))))
          .append(td(ReportText.fmt("%.2f", 100 * row.mean(Metric.ERROR_RATE))))
          .append(td(ReportText.fmt("%.0f", row.mean(Metric.TIME_TO_RECOVER))))
          .append(td(e == null ? "" : ReportText.fmt("%+.0f", e.difference(Metric.COST).mean())))
          .append(td(e == null ? "" : interval(e.difference(Metric.UTILITY))))
          .append(
              td(
                  e == null
                      ? ""
                      : ReportText.fmt(
                          "%.3f", e.difference(Metric.UTILITY).probabilityOfImprovement())))
          .append(
              td(
                  ReportText.fmt(
                      "%.2f", 100 * row.outcome().of(Metric.SLO_ATTAINMENT).worstDecileMean())))
          .append("<td class=\"name\">")
          .append(e == null ? "" : flags(e))
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void plot(StringBuilder out, RehearsalReport r, String title, Svg svg) {
    out.append("<h2>").append(title).append("</h2>\n").append(svg.render(r.series()));
    out.append("<ul class=\"legend\">");
    List<String> arms = r.series().stream().map(s -> s.arm()).toList();
    for (int i = 0; i < arms.size(); i++) {
      out.append("<li><span class=\"swatch\" style=\"background:")
          .append(Svg.colour(i))
          .append("\"></span>")
          .append(Html.escape(arms.get(i)))
          .append("</li>");
    }
    out.append("</ul>\n");
  }

  private static String interval(MetricDifference d) {
    return ReportText.fmt("%+.4f [%+.4f, %+.4f]", d.mean(), d.ciLow(), d.ciHigh());
  }

  private static String flags(CandidateEvidence e) {
    return e.flags().stream().sorted().map(EvidenceFlag::name).collect(Collectors.joining(" "));
  }

  private static String td(String text) {
    return "<td>" + Html.escape(text) + "</td>";
  }
}
