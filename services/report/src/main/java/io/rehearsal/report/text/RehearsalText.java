package io.rehearsal.report.text;

import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.report.Hypotheses;
import io.rehearsal.report.RankedArm;
import io.rehearsal.report.RehearsalReport;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ranked table of {@code rehearsal sandbox evaluate}: one row per candidate and one for "do
 * nothing" at its rank, with the evidence, then the fitted hypotheses and the procedure's figures.
 * Lines end in the platform's line separator.
 */
public final class RehearsalText {
  private static final int MAX_NAME = 36;
  private static final String NL = System.lineSeparator();

  private RehearsalText() {}

  /** The whole report as the terminal shows it. */
  public static String render(RehearsalReport report) {
    StringBuilder out = new StringBuilder();
    out.append(header(report)).append(NL).append(NL);
    out.append("=> ").append(report.result().recommendation().sentence()).append(NL);
    out.append(objectives(report)).append(NL).append(NL);
    List<RankedArm> rows = report.ranking();
    int width = nameWidth(rows);
    out.append(columns(width)).append(NL);
    rows.forEach(row -> out.append(line(row, width)).append(NL));
    out.append(NL).append(hypotheses(report)).append(procedure(report));
    return out.toString();
  }

  /** ">= 0.95", or "not reached (target 0.95)" when the replication budget ran out first. */
  public static String selection(RehearsalReport report) {
    return fmt(
        report.precisionReached() ? ">= %.2f" : "not reached (target %.2f)",
        report.result().probabilityOfCorrectSelection());
  }

  private static String header(RehearsalReport r) {
    return fmt(
        "incident %s (%s) on twin %s: %d candidates + do nothing, %s",
        r.incident().id(),
        r.incident().title(),
        r.twin(),
        r.result().candidates().size(),
        r.timeline().describe());
  }

  /** The objectives the candidates were scored by, as the report echoes them. */
  public static String objectives(RehearsalReport r) {
    Objectives o = r.plan().objectives();
    String weights =
        o.sloWeights().isEmpty()
            ? "all SLOs weigh the same"
            : "SLO weights " + o.sloWeights().toString().replace('=', ' ');
    return fmt(
        "scored by: graded SLO attainment (good events within %s x each threshold; %s)"
            + " - %s x replica-seconds - risk aversion %s x (mean - worst-decile utility)",
        Objectives.GRADED_MULTIPLES.stream()
            .map(m -> fmt("%.0f", m))
            .collect(Collectors.joining(", ")),
        weights,
        Double.toString(o.costWeight()),
        Double.toString(o.riskAversion()));
  }

  private static String columns(int width) {
    return fmt(
        "%4s  %-" + width + "s %8s %7s %8s %6s %6s %9s  %31s %7s %8s  %s",
        "rank",
        "candidate",
        "score",
        "SLO %",
        "p99 ms",
        "err %",
        "TTR s",
        "dcost r*s",
        "dutility vs do nothing [95% CI]",
        "P(impr)",
        "worst10%",
        "flags");
  }

  private static String line(RankedArm row, int width) {
    CandidateEvidence e = row.evidence();
    return fmt(
        "%4s  %-" + width + "s %8.4f %7.2f %8.1f %6.2f %6.0f %9s  %31s %7s %8.2f  %s",
        e == null ? "--" : Integer.toString(e.rank()),
        clip(row.name()),
        row.score(),
        100 * row.mean(Metric.SLO_ATTAINMENT),
        1000 * row.mean(Metric.P99_LATENCY),
        100 * row.mean(Metric.ERROR_RATE),
        row.mean(Metric.TIME_TO_RECOVER),
        e == null ? "" : fmt("%+.0f", e.difference(Metric.COST).mean()),
        e == null ? "(baseline, n=" + row.replications() + ")" : interval(e),
        e == null ? "" : fmt("%.3f", e.difference(Metric.UTILITY).probabilityOfImprovement()),
        100 * row.outcome().of(Metric.SLO_ATTAINMENT).worstDecileMean(),
        e == null ? "" : flags(e));
  }

  private static String interval(CandidateEvidence e) {
    MetricDifference d = e.difference(Metric.UTILITY);
    return fmt("%+.4f [%+.4f, %+.4f]", d.mean(), d.ciLow(), d.ciHigh());
  }

  private static String flags(CandidateEvidence e) {
    String flags =
        e.flags().stream().sorted().map(EvidenceFlag::name).collect(Collectors.joining(","));
    String n = "n=" + e.replications() + (e.eliminatedEarly() ? " eliminated" : "");
    return flags.isEmpty() ? n : flags + " " + n;
  }

  private static String hypotheses(RehearsalReport r) {
    StringBuilder out = new StringBuilder();
    out.append(
            fmt(
                "fault hypothesis (root-cause evidence), fitted to %d endpoint(s) x %d buckets of %.0f s:",
                r.fittedEndpoints().size(),
                r.incident().symptoms().buckets(),
                r.incident().symptoms().bucket()))
        .append(NL);
    List<FaultHypothesis> h = r.hypotheses();
    for (int i = 0; i < Math.min(3, h.size()); i++) {
      out.append(
              fmt(
                  "  %d. %-44s loss %.4f  goodness of fit %.3f%s",
                  i + 1,
                  Hypotheses.describe(h.get(i)),
                  h.get(i).loss(),
                  h.get(i).goodnessOfFit(),
                  i == 0 ? "  <- rehearsed under" : ""))
          .append(NL);
    }
    Hypotheses.weakFitWarning(r.rehearsedFault()).ifPresent(w -> out.append(w).append(NL));
    return out.toString();
  }

  private static String procedure(RehearsalReport r) {
    EvaluationResult e = r.result();
    String best = e.best() == null ? "do nothing (no candidate is better)" : e.best();
    return fmt(
            "replications: %d in %d stage(s) (Kim-Nelson, indifference zone %s, seed %d)%n",
            e.totalReplications(),
            e.stages(),
            Double.toString(r.plan().policy().indifferenceZone()),
            e.seed())
        + fmt("best: %s; probability of correct selection %s%n", best, selection(r));
  }

  private static int nameWidth(List<RankedArm> rows) {
    int w = rows.stream().mapToInt(r -> clip(r.name()).length()).max().orElse(9);
    return Math.max(9, w);
  }

  private static String clip(String name) {
    String flat = name.replaceAll("\\s+", " ");
    return flat.length() <= MAX_NAME ? flat : flat.substring(0, MAX_NAME - 1) + "~";
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
