package io.rehearsal.twin.stats;

import io.rehearsal.twin.Outcome;
import io.rehearsal.twin.PairedDifference;
import org.apache.commons.math3.distribution.TDistribution;

/** Paired-difference statistics with Student's t (commons-math3), for common-random-number runs. */
public final class PairedStats {
  private PairedStats() {}

  /**
   * Compares candidate values with baseline values paired by index.
   *
   * @throws IllegalArgumentException if the arrays differ in length or have fewer than 2 values
   */
  public static PairedDifference compare(Outcome outcome, double[] baseline, double[] candidate) {
    int n = baseline.length;
    if (n != candidate.length || n < 2) {
      throw new IllegalArgumentException(
          "need >= 2 paired values, but had " + n + " and " + candidate.length);
    }
    double[] d = new double[n];
    int improved = 0;
    for (int i = 0; i < n; i++) {
      d[i] = candidate[i] - baseline[i];
      improved += better(outcome, d[i]) ? 1 : 0;
    }
    double mean = mean(d);
    double se = Math.sqrt(variance(d, mean) / n);
    TDistribution t = new TDistribution(n - 1);
    double half = t.inverseCumulativeProbability(0.975) * se;
    return new PairedDifference(
        outcome,
        mean(baseline),
        mean(candidate),
        mean,
        mean - half,
        mean + half,
        probabilityOfImprovement(outcome, mean, se, t),
        (double) improved / n);
  }

  private static boolean better(Outcome outcome, double difference) {
    return outcome.higherIsBetter() ? difference > 0 : difference < 0;
  }

  private static double probabilityOfImprovement(
      Outcome outcome, double mean, double se, TDistribution t) {
    double signed = outcome.higherIsBetter() ? mean : -mean;
    if (se == 0) {
      return signed > 0 ? 1 : signed < 0 ? 0 : 0.5;
    }
    return t.cumulativeProbability(signed / se);
  }

  static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  static double variance(double[] x, double mean) {
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return ss / (x.length - 1);
  }
}
