package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;

/**
 * The variates of {@link RandomStream} — same uniforms drawn in the same order, same formulas, same
 * bits ({@code DrawsTest} checks it) — with {@code log} and {@code cos} from {@link FdLibm} instead
 * of the native {@code StrictMath} calls. The engine draws several of these per request, so this is
 * on its hot path.
 */
final class Draws {
  private static final double TWO_PI = 2.0 * StrictMath.PI;

  private Draws() {}

  /** As {@link RandomStream#nextExponential(double)}. */
  static double exponential(RandomStream random, double mean) {
    return -mean * FdLibm.log(random.nextOpenDouble());
  }

  /** As {@link RandomStream#nextGaussian()}: Box-Muller, two uniforms per variate. */
  static double gaussian(RandomStream random) {
    double r = StrictMath.sqrt(-2.0 * FdLibm.log(random.nextOpenDouble()));
    return r * FdLibm.cos(TWO_PI * random.nextDouble());
  }

  /** As {@link RandomStream#nextGamma(double, double)} (Marsaglia and Tsang). */
  static double gamma(RandomStream random, double shape, double scale) {
    if (shape < 1.0) {
      double u = random.nextOpenDouble();
      return gamma(random, shape + 1.0, scale) * StrictMath.pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    while (true) {
      double x = gaussian(random);
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextOpenDouble();
      if (FdLibm.log(u) < 0.5 * x * x + d - d * v + d * FdLibm.log(v)) {
        return d * v * scale;
      }
    }
  }
}
