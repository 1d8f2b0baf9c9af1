package io.rehearsal.rehearse.reality;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A Student-t confidence interval of the mean difference between two arms measured block by block
 * over the same window with the same arrivals ({@link RealArm#blockUtilities()}): the blocks pair
 * up, so the arrivals' own noise cancels out of each difference. Blocks of one run are not quite
 * independent (a recovery spans several), so the interval is a guide, not a guarantee.
 *
 * @param mean mean of the block differences {@code a - b}
 * @param halfWidth half the interval's width
 * @param confidence the interval's confidence level
 */
public record PairedInterval(double mean, double halfWidth, double confidence) {

  /** The interval of {@code a - b}, pairing the blocks in order. */
  public static PairedInterval of(List<Double> a, List<Double> b, double confidence) {
    if (a.size() != b.size() || a.size() < 2) {
      throw new IllegalArgumentException(
          "the arms need the same number of blocks, at least 2, but had "
              + a.size()
              + " and "
              + b.size());
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    int n = a.size();
    double[] d = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      d[i] = a.get(i) - b.get(i);
      mean += d[i] / n;
    }
    double ss = 0;
    for (double x : d) {
      ss += (x - mean) * (x - mean);
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    double t = new TDistribution(n - 1).inverseCumulativeProbability((1 + confidence) / 2);
    return new PairedInterval(mean, t * se, confidence);
  }

  /** Whether the interval holds 0: the two arms are not told apart. */
  public boolean containsZero() {
    return mean - halfWidth <= 0 && 0 <= mean + halfWidth;
  }
}
