package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * How well one run kept the twin's SLOs. Per SLO, the good-event share is the share of the
 * endpoint's requests (valid events: all of them, failed or shed included) that succeeded within
 * {@code m} times the SLO's latency threshold. The headline attainment takes {@code m = 1}, as an
 * SRE counts good events; the graded attainment averages {@code m = 1, 2, 4}, so that when no arm
 * can meet a threshold, an arm that misses it by a little still scores above one that misses it by
 * a lot. Both are weighted means over the SLOs with the objectives' weights.
 *
 * @param attainment weighted headline attainment, in [0, 1]
 * @param graded weighted graded attainment, in [0, 1]
 * @param perSlo headline good-event share of each SLO, in the twin's SLO order
 */
record SloGrades(double attainment, double graded, List<Double> perSlo) {
  /**
   * Multiples of each SLO's latency threshold at which the graded attainment counts good events.
   */
  static final double[] MULTIPLES = {1, 2, 4};

  static SloGrades of(TwinSpec spec, Objectives objectives, RunResult run) {
    double weighted = 0;
    double graded = 0;
    double weights = 0;
    List<Double> perSlo = new ArrayList<>();
    for (SloSpec slo : spec.slos()) {
      double w = objectives.weight(slo.endpoint());
      EndpointResult e = run.endpoint(slo.endpoint());
      double met = share(slo, e, 1);
      double sum = 0;
      for (double m : Objectives.GRADED_MULTIPLES) {
        sum += m == 1 ? met : share(slo, e, m);
      }
      perSlo.add(met);
      weighted += w * met;
      graded += w * (sum / Objectives.GRADED_MULTIPLES.size());
      weights += w;
    }
    return weights == 0
        ? new SloGrades(1, 1, perSlo)
        : new SloGrades(weighted / weights, graded / weights, perSlo);
  }

  /** Share of the endpoint's requests that succeeded within {@code multiple} x the threshold. */
  static double share(SloSpec slo, EndpointResult e, double multiple) {
    if (e.total() == 0) {
      return 1;
    }
    long micros = (long) Math.floor(slo.latency() * multiple * 1e6);
    long good = e.latency().getTotalCount() == 0 ? 0 : e.latency().getCountBetweenValues(0, micros);
    return Math.min(1, (double) good / e.total());
  }
}
