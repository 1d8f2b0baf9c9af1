package io.rehearsal.twin.evaluation;

import io.rehearsal.twin.Outcome;
import io.rehearsal.twin.PairedDifference;
import io.rehearsal.twin.stats.PairedStats;

/**
 * Statistics of {@code d_r = candidate_r - doNothing_r} for one metric over the replications r that
 * share random numbers; computed by the twin's {@link PairedStats} (Student t).
 *
 * @param metric the metric compared
 * @param mean mean of d_r, in the metric's unit
 * @param stddev sample standard deviation of d_r
 * @param ciLow lower end of the 95% t confidence interval of the mean of d_r
 * @param ciHigh upper end of it
 * @param probabilityOfImprovement P(true mean difference is in the better direction), from the t
 *     distribution of d_r
 * @param fractionImproved share of replications in which the candidate was strictly better (the
 *     proto's {@code PairedDifference.probability_of_improvement})
 */
public record MetricDifference(
    Metric metric,
    double mean,
    double stddev,
    double ciLow,
    double ciHigh,
    double probabilityOfImprovement,
    double fractionImproved) {

  /** Compares candidate values with do-nothing values paired by index. */
  static MetricDifference of(Metric metric, double[] doNothing, double[] candidate) {
    // PairedStats needs an Outcome only for its better direction; pick one with the metric's.
    Outcome direction = metric.higherIsBetter() ? Outcome.SLO_ATTAINMENT : Outcome.COST;
    PairedDifference d = PairedStats.compare(direction, doNothing, candidate);
    double ss = 0;
    for (int i = 0; i < candidate.length; i++) {
      double x = candidate[i] - doNothing[i] - d.meanDifference();
      ss += x * x;
    }
    return new MetricDifference(
        metric,
        d.meanDifference(),
        Math.sqrt(ss / (candidate.length - 1)),
        d.ciLow(),
        d.ciHigh(),
        d.probabilityOfImprovement(),
        d.fractionImproved());
  }

  /** Whether the whole confidence interval lies on the worse side of 0. */
  public boolean significantlyWorse() {
    return metric.higherIsBetter() ? ciHigh < 0 : ciLow > 0;
  }

  /** Whether the confidence interval contains 0. */
  public boolean containsZero() {
    return ciLow <= 0 && ciHigh >= 0;
  }
}
