package io.rehearsal.gateway.web;

import io.rehearsal.proto.v1.ArmPrediction;
import io.rehearsal.proto.v1.BucketPercentiles;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.PredictedSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arms' lines drawn from the evaluation's stored {@link PredictedSeries}: per bucket the median
 * across replications with its 10–90 % band, each value placed at its bucket's end (as the
 * incident's symptom points are). "Do nothing" is drawn from the fork; a candidate from the bucket
 * before it acts, so its line leaves do nothing's where the remediation takes effect. Candidates
 * follow the evaluation's ranking.
 */
final class PredictedLines {

  private PredictedLines() {}

  /** The lines of one metric. */
  static List<PlotLine> of(Evaluation e, Function<ArmPrediction, BucketPercentiles> metric) {
    PredictedSeries s = e.getPredictedSeries();
    Map<String, ArmPrediction> arms =
        s.getArmsList().stream()
            .collect(Collectors.toMap(ArmPrediction::getCandidateId, a -> a, (a, b) -> a));
    List<PlotLine> lines = new ArrayList<>();
    ArmPrediction nothing = arms.get("");
    if (nothing != null) {
      lines.add(line(s, nothing, "do nothing", "baseline", metric.apply(nothing)));
    }
    for (Evidence x : PlotData.ranked(e)) {
      ArmPrediction a = arms.get(x.getCandidate().getId());
      if (a != null) {
        lines.add(line(s, a, label(a), "candidate", metric.apply(a)));
      }
    }
    return lines;
  }

  /** When the candidates were decided, epoch seconds. */
  static double decision(PredictedSeries s) {
    return seconds(s.getForkTime()) + seconds(s.getDecisionOffset());
  }

  private static PlotLine line(
      PredictedSeries s, ArmPrediction a, String label, String kind, BucketPercentiles p) {
    double width = seconds(s.getBucketWidth());
    double first = seconds(s.getForkTime()) + seconds(s.getStartOffset());
    double from =
        a.hasEffectiveOffset()
            ? seconds(s.getForkTime()) + seconds(a.getEffectiveOffset()) - width
            : Double.NEGATIVE_INFINITY;
    List<double[]> points = new ArrayList<>();
    int n = Math.min(p.getP50Count(), Math.min(p.getP10Count(), p.getP90Count()));
    for (int i = 0; i < n; i++) {
      double end = first + (i + 1) * width;
      if (end > from) {
        points.add(PlotLine.point(end, p.getP50(i), p.getP10(i), p.getP90(i)));
      }
    }
    return new PlotLine(label, kind, true, points);
  }

  private static String label(ArmPrediction a) {
    return a.getCandidateId()
        + (a.hasEffectiveOffset()
            ? " (acts +" + Math.round(seconds(a.getEffectiveOffset())) + " s)"
            : "");
  }

  static double seconds(com.google.protobuf.Timestamp t) {
    return t.getSeconds() + t.getNanos() / 1e9;
  }

  static double seconds(com.google.protobuf.Duration d) {
    return d.getSeconds() + d.getNanos() / 1e9;
  }
}
