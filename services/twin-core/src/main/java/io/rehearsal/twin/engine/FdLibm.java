/*
 * The algorithm and constants below are from fdlibm 5.3 (e_log.c), whose notice reads:
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 */
package io.rehearsal.twin.engine;

/**
 * {@code log} as a Java port of fdlibm, the library that {@link StrictMath} is specified to follow:
 * the results are bit-for-bit those of {@code StrictMath.log} (Java floating point is strict since
 * 17, and {@code FdLibmTest} compares them on millions of arguments), so the engine stays
 * reproducible on every machine. On JDK 17 {@code StrictMath.log} is a native call; this port runs
 * as ordinary Java and is roughly twice as fast, which matters because every exponential draw needs
 * it. (The lognormal draws take {@link TableExp}.)
 *
 * <p>Arguments outside the range ported here (non-positive, subnormal, infinite or NaN) are
 * delegated to {@link StrictMath}.
 */
final class FdLibm {
  /**
   * ln 2 in two parts; the high part has 32 significant bits, so small multiples of it are exact.
   */
  static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000

  static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
  private static final double LG1 = 6.666666666666735130e-01; // 0x3FE55555 55555593
  private static final double LG2 = 3.999999999940941908e-01; // 0x3FD99999 9997FA04
  private static final double LG3 = 2.857142874366239149e-01; // 0x3FD24924 94229359
  private static final double LG4 = 2.222219843214978396e-01; // 0x3FCC71C5 1D8E78AF
  private static final double LG5 = 1.818357216161805012e-01; // 0x3FC74664 96CB03DE
  private static final double LG6 = 1.531383769920937332e-01; // 0x3FC39A09 D078C69F
  private static final double LG7 = 1.479819860511658591e-01; // 0x3FC2F112 DF3E5244

  private FdLibm() {}

  /** {@code StrictMath.log(x)}, bit for bit. */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    if (hx < 0x00100000 || hx >= 0x7ff00000) {
      return StrictMath.log(x);
    }
    int k = (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL));
    k += i >> 20;
    double f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) {
      return logNearOne(f, k);
    }
    double s = f / (2.0 + f);
    double dk = k;
    double z = s * s;
    i = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    i |= j;
    double r = t2 + t1;
    if (i > 0) {
      double hfsq = 0.5 * f * f;
      if (k == 0) {
        return f - (hfsq - s * (hfsq + r));
      }
      return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    if (k == 0) {
      return f - s * (f - r);
    }
    return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }

  /** |f| < 2^-20. */
  private static double logNearOne(double f, int k) {
    double dk = k;
    if (f == 0.0) {
      return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
    }
    double r = f * f * (0.5 - 0.33333333333333333 * f);
    return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
}
