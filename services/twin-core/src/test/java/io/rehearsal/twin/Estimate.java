package io.rehearsal.twin;

import io.rehearsal.twin.run.RunResult;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean and standard error of a statistic over independent replications; the tolerance of a test is
 * {@code halfWidth()} = t(0.9995, n-1) * s.e. (a 99.9% confidence interval), derived from the run.
 */
record Estimate(double mean, double standardError, int n) {
  static Estimate of(List<RunResult> runs, ToDoubleFunction<RunResult> statistic) {
    double[] x = runs.stream().mapToDouble(statistic).toArray();
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return new Estimate(mean, Math.sqrt(ss / (x.length - 1) / x.length), x.length);
  }

  double halfWidth() {
    return new TDistribution(n - 1).inverseCumulativeProbability(0.9995) * standardError;
  }

  boolean covers(double expected) {
    return Math.abs(mean - expected) <= halfWidth();
  }

  @Override
  public String toString() {
    return String.format("%.6f ± %.6f (n=%d)", mean, halfWidth(), n);
  }
}
