package io.rehearsal.rehearse.fitting;

import java.util.function.DoubleUnaryOperator;

/** Golden-section search for the minimum of a unimodal function on an interval. */
final class GoldenSection {
  private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

  private GoldenSection() {}

  /**
   * Minimises {@code f} on [lo, hi] with exactly {@code evaluations} calls (>= 2); returns {x,
   * f(x)} of the best point evaluated.
   */
  static double[] minimise(DoubleUnaryOperator f, double lo, double hi, int evaluations) {
    double a = lo;
    double b = hi;
    double c = b - INV_PHI * (b - a);
    double d = a + INV_PHI * (b - a);
    double fc = f.applyAsDouble(c);
    double fd = f.applyAsDouble(d);
    double[] best = fc <= fd ? new double[] {c, fc} : new double[] {d, fd};
    for (int i = 2; i < evaluations; i++) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - INV_PHI * (b - a);
        fc = f.applyAsDouble(c);
        best = fc < best[1] ? new double[] {c, fc} : best;
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + INV_PHI * (b - a);
        fd = f.applyAsDouble(d);
        best = fd < best[1] ? new double[] {d, fd} : best;
      }
    }
    return best;
  }
}
