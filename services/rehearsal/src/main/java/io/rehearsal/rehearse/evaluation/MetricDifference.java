package io.rehearsal.rehearse.evaluation;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Statistics of {@code d_r = candidate_r - doNothing_r} for one metric over the replications r that
 * share random numbers, with Student's t (commons-math3).
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

  /**
   * Compares candidate values with do-nothing values paired by index.
   *
   * @throws IllegalArgumentException if the arrays differ in length or have fewer than 2 values
   */
  static MetricDifference of(Metric metric, double[] doNothing, double[] candidate) {
    int n = doNothing.length;
    if (n != candidate.length || n < 2) {
      throw new IllegalArgumentException(
          "need >= 2 paired values, but had " + n + " and " + candidate.length);
    }
    double[] d = new double[n];
    int improved = 0;
    for (int i = 0; i < n; i++) {
      d[i] = candidate[i] - doNothing[i];
      improved += better(metric, d[i]) ? 1 : 0;
    }
    double mean = mean(d);
    double variance = variance(d, mean);
    double se = Math.sqrt(variance / n);
    TDistribution t = new TDistribution(n - 1);
    double half = t.inverseCumulativeProbability(0.975) * se;
    return new MetricDifference(
        metric,
        mean,
        Math.sqrt(variance),
        mean - half,
        mean + half,
        probabilityOfImprovement(metric, mean, se, t),
        (double) improved / n);
  }

  private static boolean better(Metric metric, double difference) {
    return metric.higherIsBetter() ? difference > 0 : difference < 0;
  }

  private static double probabilityOfImprovement(
      Metric metric, double mean, double se, TDistribution t) {
    double signed = metric.higherIsBetter() ? mean : -mean;
    if (se == 0) {
      return signed > 0 ? 1 : signed < 0 ? 0 : 0.5;
    }
    return t.cumulativeProbability(signed / se);
  }

  // Plain sums, not commons-math3's Mean and Variance: those add a correction pass whose last bits
  // differ, and evidence hashes are computed from these figures, so they must stay bit for bit.
  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double variance(double[] x, double mean) {
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return ss / (x.length - 1);
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
