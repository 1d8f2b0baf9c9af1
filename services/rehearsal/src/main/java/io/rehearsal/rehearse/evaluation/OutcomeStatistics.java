package io.rehearsal.rehearse.evaluation;

import java.util.Arrays;

/**
 * Summary of one metric over the replications of one arm, in the metric's unit.
 *
 * @param mean sample mean
 * @param stddev sample standard deviation (n - 1 denominator), 0 when count < 2
 * @param count replications summarised
 * @param min smallest value
 * @param p10 10th percentile (linear interpolation between order statistics)
 * @param p50 median
 * @param p90 90th percentile
 * @param max largest value
 * @param worstDecileMean risk: mean of the worst ceil(10 %) of replications, "worst" following the
 *     metric's direction
 */
public record OutcomeStatistics(
    double mean,
    double stddev,
    int count,
    double min,
    double p10,
    double p50,
    double p90,
    double max,
    double worstDecileMean) {

  /** Summarises {@code values} of a metric whose better direction is {@code higherIsBetter}. */
  public static OutcomeStatistics of(double[] values, boolean higherIsBetter) {
    if (values.length == 0) {
      throw new IllegalArgumentException("need at least one value, but had 0");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).sum() / s.length;
    double ss = Arrays.stream(s).map(v -> (v - mean) * (v - mean)).sum();
    double sd = s.length < 2 ? 0 : Math.sqrt(ss / (s.length - 1));
    return new OutcomeStatistics(
        mean,
        sd,
        s.length,
        s[0],
        quantile(s, 0.1),
        quantile(s, 0.5),
        quantile(s, 0.9),
        s[s.length - 1],
        worstDecile(s, higherIsBetter));
  }

  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  static double worstDecile(double[] sorted, boolean higherIsBetter) {
    int k = (int) Math.ceil(sorted.length * 0.1);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += higherIsBetter ? sorted[i] : sorted[sorted.length - 1 - i];
    }
    return sum / k;
  }
}
