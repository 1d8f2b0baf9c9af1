package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;

/**
 * The variates the engine draws from its {@link RandomStream}s, written for speed (several are
 * drawn per simulated request) and for reproducibility on every machine: only IEEE arithmetic,
 * {@link StrictMath} and {@link FdLibm} (bit-identical to {@code StrictMath}).
 *
 * <ul>
 *   <li>{@link #exponential}: inversion, bit-identical to {@link RandomStream#nextExponential}.
 *   <li>{@link #gaussian}: the Ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005 ZIGNOR
 *       form with 128 layers): one 64-bit draw per variate in about 98.8% of cases — the upper 53
 *       bits give the uniform, the lowest 7 the layer — instead of Box-Muller's logarithm, square
 *       root and cosine. Its tables are computed with {@code StrictMath} when the class loads.
 *   <li>{@link #gamma}: Marsaglia and Tsang, as {@link RandomStream#nextGamma}, on these normals.
 * </ul>
 */
final class Draws {
  private static final int LAYERS = 128;
  private static final double R = 3.442619855899;
  private static final double V = 9.91256303526217e-3;
  private static final double UNIT = 0x1.0p-53;
  private static final double SQUEEZE_MARGIN = 1e-9;
  private static final double SQUEEZE_MAX_D = 1e4;
  private static final double[] X = new double[LAYERS + 1];
  private static final double[] RATIO = new double[LAYERS];

  static {
    double f = StrictMath.exp(-0.5 * R * R);
    X[0] = V / f;
    X[1] = R;
    for (int i = 2; i < LAYERS; i++) {
      X[i] = StrictMath.sqrt(-2 * StrictMath.log(V / X[i - 1] + f));
      f = StrictMath.exp(-0.5 * X[i] * X[i]);
    }
    X[LAYERS] = 0;
    for (int i = 0; i < LAYERS; i++) {
      RATIO[i] = X[i + 1] / X[i];
    }
  }

  private Draws() {}

  /** As {@link RandomStream#nextExponential(double)}, bit for bit. */
  static double exponential(RandomStream random, double mean) {
    return -mean * FdLibm.log(random.nextOpenDouble());
  }

  /** A standard normal variate (Ziggurat). */
  static double gaussian(RandomStream random) {
    while (true) {
      long bits = random.nextLong();
      int i = (int) (bits & (LAYERS - 1));
      double u = 2 * ((bits >>> 11) * UNIT) - 1;
      if (Math.abs(u) < RATIO[i]) {
        return u * X[i];
      }
      if (i == 0) {
        return tail(random, u < 0);
      }
      double x = u * X[i];
      double f0 = StrictMath.exp(-0.5 * (X[i] * X[i] - x * x));
      double f1 = StrictMath.exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
      if (f1 + random.nextDouble() * (f0 - f1) < 1.0) {
        return x;
      }
    }
  }

  /** A normal variate beyond R (Marsaglia's tail method). */
  private static double tail(RandomStream random, boolean negative) {
    double x;
    double y;
    do {
      x = FdLibm.log(random.nextOpenDouble()) / R;
      y = FdLibm.log(random.nextOpenDouble());
    } while (-2 * y < x * x);
    return negative ? x - R : R - x;
  }

  /**
   * A gamma variate (Marsaglia and Tsang, with the boost for shape below one).
   *
   * <p>Their squeeze {@code u < 1 - 0.0331 x^4} accepts about 98% of candidates without the two
   * logarithms. It is taken only with a margin of {@link #SQUEEZE_MARGIN} and for {@code d <=}
   * {@link #SQUEEZE_MAX_D}, where it can accept only what the logarithmic test accepts as computed:
   * the squeeze bound lies below the acceptance bound in exact arithmetic (the least gap, relative
   * to x^4, is about 1e-4, at d = 2/3 and x = -2.15, checked at 50 digits over d in [2/3, 1e4]),
   * and the rounding error of the computed test, at most about 4e-14 (d + 1), is far below the
   * margin. So the variates are the same, bit for bit, as with the logarithmic test alone.
   */
  static double gamma(RandomStream random, double shape, double scale) {
    if (shape < 1.0) {
      double u = random.nextOpenDouble();
      return gamma(random, shape + 1.0, scale) * StrictMath.pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    boolean squeeze = d <= SQUEEZE_MAX_D;
    while (true) {
      double x = gaussian(random);
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextOpenDouble();
      double x2 = x * x;
      if (squeeze && u < 1.0 - 0.0331 * x2 * x2 - SQUEEZE_MARGIN) {
        return d * v * scale;
      }
      if (FdLibm.log(u) < 0.5 * x * x + d - d * v + d * FdLibm.log(v)) {
        return d * v * scale;
      }
    }
  }
}
