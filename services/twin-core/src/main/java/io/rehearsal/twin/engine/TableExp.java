package io.rehearsal.twin.engine;

/**
 * {@code e^x} for the engine's lognormal draws, about twice as fast as fdlibm's: {@code x = k ln2 /
 * 128 + r} with {@code |r| <= ln2 / 256}, so {@code e^x = 2^(k / 128) e^r}, the power of two from a
 * table of 128 entries (and the exponent bits) and {@code e^r} from its Taylor polynomial of degree
 * five (truncation below 1e-18). No division, as against fdlibm's rational approximation: about 20
 * ns against 31 per call on these machines, chained. The result is within two ulps of {@code
 * StrictMath.exp} and equal to it seven times in ten ({@code TableExpTest}); being only IEEE
 * arithmetic and a table built with {@link StrictMath}, it is the same on every machine.
 *
 * <p>Arguments beyond 700 in magnitude (where the result would leave the normal range) and NaN go
 * to {@link StrictMath#exp}.
 */
final class TableExp {
  private static final int BITS = 7;
  private static final int SIZE = 1 << BITS;
  private static final double LIMIT = 700;
  private static final double PER_LN2 = SIZE / 0.6931471805599453; // 128 / ln 2
  // ln 2 / 128 in two parts: k times the high part is exact
  private static final double STEP_HI = FdLibm.LN2_HI / SIZE;
  private static final double STEP_LO = FdLibm.LN2_LO / SIZE;
  private static final double[] POWERS = new double[SIZE];

  static {
    for (int j = 0; j < SIZE; j++) {
      POWERS[j] = StrictMath.pow(2, j / (double) SIZE);
    }
  }

  private TableExp() {}

  static double exp(double x) {
    if (!(Math.abs(x) <= LIMIT)) {
      return StrictMath.exp(x);
    }
    double kd = Math.rint(x * PER_LN2);
    int k = (int) kd;
    double r = (x - kd * STEP_HI) - kd * STEP_LO;
    double p = r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120))));
    double t = POWERS[k & (SIZE - 1)];
    double y = t + t * p;
    return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (k >> BITS) << 52));
  }
}
