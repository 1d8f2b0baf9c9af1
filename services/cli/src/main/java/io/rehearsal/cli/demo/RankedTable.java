package io.rehearsal.cli.demo;

import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's ranking of one evaluation, one line per candidate, best first. Every p99 is the
 * mean over the arm's runs, the statistic the recommendation's sentence, the ranking's utility and
 * the review page use, so the table and the sentence under it show the same numbers.
 */
final class RankedTable {

  private RankedTable() {}

  static List<String> render(Evaluation evaluation) {
    List<Evidence> ranked = new ArrayList<>(evaluation.getEvidenceList());
    ranked.sort(Comparator.comparingInt(e -> e.getRank() <= 0 ? Integer.MAX_VALUE : e.getRank()));
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-4s %-36s %8s %14s %10s %5s",
            "rank",
            "candidate",
            "score",
            "utility vs 0",
            "p99 ms",
            "runs"));
    for (Evidence e : ranked) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-4s %-36s %8.3f %+7.3f ±%5.3f %10.0f %5d%s",
              e.getRank() <= 0 ? "-" : Integer.toString(e.getRank()),
              clip(
                  e.getCandidate().getSummary().isBlank()
                      ? e.getCandidate().getActionCase().name()
                      : e.getCandidate().getSummary()),
              e.getScore().getValue(),
              e.getVsDoNothing().getUtility().getMean(),
              e.getVsDoNothing().getUtility().getStddev(),
              e.getOutcome().getP99LatencyMs().getMean(),
              e.getReplications(),
              e.getEliminatedEarly() ? "  (eliminated early)" : ""));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "  do nothing: p99 %.0f ms (p99 columns: mean of runs)%s",
            evaluation.getBaseline().getP99LatencyMs().getMean(),
            evaluation.getRecommendation().isBlank()
                ? ""
                : "; recommendation: " + evaluation.getRecommendation()));
    return lines;
  }

  private static String clip(String text) {
    return text.length() <= 36 ? text : text.substring(0, 35) + "…";
  }
}
