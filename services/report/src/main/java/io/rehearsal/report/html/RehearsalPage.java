package io.rehearsal.report.html;

import io.rehearsal.rehearse.evaluation.BucketMean;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import io.rehearsal.report.Hypotheses;
import io.rehearsal.report.RankedArm;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.report.text.RehearsalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the HTML page of a rehearsal shows, every figure formatted: the data of {@code
 * templates/rehearsal-report.html}. Plain text only; the template escapes all of it. A Qute page of
 * another application (the gateway) can render this with its own template.
 *
 * @param incidentId the incident's id
 * @param incidentTitle the incident's title
 * @param twin the twin's name
 * @param hypothesis the fault rehearsed under, described
 * @param timeline where the incident sits on the twin's clock, described
 * @param recommendation the evaluation's one sentence for the engineer
 * @param objectives the objectives the candidates were scored by, described
 * @param best the best candidate, or {@code do nothing}
 * @param totalReplications replications run, all arms
 * @param stages stages of the ranking procedure
 * @param selection the probability of correct selection, described
 * @param rows the ranking, "do nothing" at its rank
 * @param plots p99 latency and error rate over the whole run (mean over replications, one line per
 *     arm), then, when the evaluation kept predicted series, the same two after the decision as
 *     bands across replications for "do nothing" and the best candidates ({@link PredictedBands})
 */
public record RehearsalPage(
    String incidentId,
    String incidentTitle,
    String twin,
    String hypothesis,
    String timeline,
    String recommendation,
    String objectives,
    String best,
    int totalReplications,
    int stages,
    String selection,
    List<Row> rows,
    List<Plot> plots) {

  /** Copies the lists. */
  public RehearsalPage {
    rows = List.copyOf(rows);
    plots = List.copyOf(plots);
  }

  /**
   * One line of the ranking table.
   *
   * @param css {@code baseline} for "do nothing", {@code worse} when worse than it, else empty
   * @param rank the rank, {@code -} for "do nothing"
   * @param name the arm's name
   * @param score the score
   * @param slo SLO attainment, %
   * @param p99 p99 latency, ms
   * @param errors error rate, %
   * @param ttr time to recover, s
   * @param costDelta cost against "do nothing", replica-seconds (empty for "do nothing")
   * @param utilityDelta utility against "do nothing" with its 95% interval (empty for it)
   * @param probabilityOfImprovement probability the utility improves (empty for "do nothing")
   * @param worstDecileSlo SLO attainment of the worst tenth of the replications, %
   * @param flags the evidence flags, space-separated
   */
  public record Row(
      String css,
      String rank,
      String name,
      String score,
      String slo,
      String p99,
      String errors,
      String ttr,
      String costDelta,
      String utilityDelta,
      String probabilityOfImprovement,
      String worstDecileSlo,
      String flags) {}

  /** The page of {@code r}. */
  public static RehearsalPage of(RehearsalReport r) {
    String best = r.result().best() == null ? "do nothing" : r.result().best();
    return new RehearsalPage(
        r.incident().id(),
        r.incident().title(),
        r.twin(),
        Hypotheses.describe(r.rehearsedFault()),
        r.timeline().describe(),
        r.result().recommendation().sentence(),
        RehearsalText.objectives(r),
        best,
        r.result().totalReplications(),
        r.result().stages(),
        RehearsalText.selection(r),
        r.ranking().stream().map(RehearsalPage::row).toList(),
        plots(r));
  }

  private static List<Plot> plots(RehearsalReport r) {
    List<Plot> plots = new ArrayList<>();
    plots.add(
        Plot.of(
            "Predicted p99 latency of entry requests (worst entry endpoint)",
            "p99_s",
            "p99 ms",
            1000,
            BucketMean::p99,
            r.timeline(),
            r.series()));
    plots.add(
        Plot.of(
            "Predicted error rate of entry requests",
            "error_rate",
            "errors %",
            100,
            BucketMean::errorRate,
            r.timeline(),
            r.series()));
    plots.addAll(PredictedBands.of(r));
    return plots;
  }

  private static Row row(RankedArm arm) {
    CandidateEvidence e = arm.evidence();
    MetricDifference utility = e == null ? null : e.difference(Metric.UTILITY);
    return new Row(
        css(e),
        e == null ? "-" : Integer.toString(e.rank()),
        arm.name(),
        fmt("%.4f", arm.score()),
        fmt("%.2f", 100 * arm.mean(Metric.SLO_ATTAINMENT)),
        fmt("%.1f", 1000 * arm.mean(Metric.P99_LATENCY)),
        fmt("%.2f", 100 * arm.mean(Metric.ERROR_RATE)),
        fmt("%.0f", arm.mean(Metric.TIME_TO_RECOVER)),
        e == null ? "" : fmt("%+.0f", e.difference(Metric.COST).mean()),
        e == null
            ? ""
            : fmt("%+.4f [%+.4f, %+.4f]", utility.mean(), utility.ciLow(), utility.ciHigh()),
        e == null ? "" : fmt("%.3f", utility.probabilityOfImprovement()),
        fmt("%.2f", 100 * arm.outcome().of(Metric.SLO_ATTAINMENT).worstDecileMean()),
        e == null ? "" : flags(e));
  }

  private static String css(CandidateEvidence e) {
    if (e == null) {
      return "baseline";
    }
    return e.flagged(EvidenceFlag.WORSE_THAN_DO_NOTHING) ? "worse" : "";
  }

  private static String flags(CandidateEvidence e) {
    return e.flags().stream().sorted().map(EvidenceFlag::name).collect(Collectors.joining(" "));
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
