/*
 * The algorithms and constants below are from fdlibm 5.3 (e_log.c, e_exp.c, s_cos.c, k_cos.c,
 * k_sin.c, e_rem_pio2.c), whose notice reads:
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
 * {@code log}, {@code exp} and {@code cos} as Java ports of fdlibm, the library that {@link
 * StrictMath} is specified to follow: the results are bit-for-bit those of {@code StrictMath.log},
 * {@code StrictMath.exp} and {@code StrictMath.cos} (Java floating point is strict since 17, and
 * {@code FdLibmTest} compares them on millions of arguments), so the engine stays reproducible on
 * every machine. On JDK 17 {@code StrictMath.log} and {@code cos} are native calls; these ports run
 * as ordinary, inlinable Java and are roughly twice as fast, which matters because every lognormal
 * and exponential draw needs them. {@code StrictMath.exp} is already Java on JDK 17, but reads its
 * constants from arrays indexed by the sign and scales by rewriting the high word; the port here
 * branches on the sign and adds the exponent to the whole bit pattern, about a quarter faster.
 *
 * <p>Arguments outside the ranges ported here (non-positive, subnormal, infinite or NaN for {@code
 * log}; magnitude below 2^-28 or above 708, or NaN, for {@code exp}; beyond about 4.5 pi/2 in
 * magnitude, or NaN, for {@code cos} — the engine only needs [0, 2 pi)) are delegated to {@link
 * StrictMath}.
 */
final class FdLibm {
  private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
  private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
  private static final double LG1 = 6.666666666666735130e-01; // 0x3FE55555 55555593
  private static final double LG2 = 3.999999999940941908e-01; // 0x3FD99999 9997FA04
  private static final double LG3 = 2.857142874366239149e-01; // 0x3FD24924 94229359
  private static final double LG4 = 2.222219843214978396e-01; // 0x3FCC71C5 1D8E78AF
  private static final double LG5 = 1.818357216161805012e-01; // 0x3FC74664 96CB03DE
  private static final double LG6 = 1.531383769920937332e-01; // 0x3FC39A09 D078C69F
  private static final double LG7 = 1.479819860511658591e-01; // 0x3FC2F112 DF3E5244

  private static final double INV_LN2 = 1.44269504088896338700e+00; // 0x3ff71547 652b82fe
  private static final double P1 = 1.66666666666666019037e-01; // 0x3FC55555 5555553E
  private static final double P2 = -2.77777777770155933842e-03; // 0xBF66C16C 16BEBD93
  private static final double P3 = 6.61375632143793436117e-05; // 0x3F11566A AF25DE2C
  private static final double P4 = -1.65339022054652515390e-06; // 0xBEBBBD41 C5D26BF1
  private static final double P5 = 4.13813679705723846039e-08; // 0x3E663769 72BEA4D0

  private static final double C1 = 4.16666666666666019037e-02; // 0x3FA55555 5555554C
  private static final double C2 = -1.38888888888741095749e-03; // 0xBF56C16C 16C15177
  private static final double C3 = 2.48015872894767294178e-05; // 0x3EFA01A0 19CB1590
  private static final double C4 = -2.75573143513906633035e-07; // 0xBE927E4F 809C52AD
  private static final double C5 = 2.08757232129817482790e-09; // 0x3E21EE9E BDB4B1C4
  private static final double C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4

  private static final double S1 = -1.66666666666666324348e-01; // 0xBFC55555 55555549
  private static final double S2 = 8.33333333332248946124e-03; // 0x3F811111 1110F8A6
  private static final double S3 = -1.98412698298579493134e-04; // 0xBF2A01A0 19C161D5
  private static final double S4 = 2.75573137070700676789e-06; // 0x3EC71DE3 57B1FE7D
  private static final double S5 = -2.50507602534068634195e-08; // 0xBE5AE5E6 8A2B9CEB
  private static final double S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 5ACFD57C

  private static final double INVPIO2 = 6.36619772367581382433e-01; // 0x3FE45F30 6DC9C883
  private static final double PIO2_1 = 1.57079632673412561417e+00; // 0x3FF921FB 54400000
  private static final double PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461 1A626331
  private static final double PIO2_2 = 6.07710050630396597660e-11; // 0x3DD0B461 1A600000
  private static final double PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A 2E037073
  private static final double PIO2_3 = 2.02226624871116645580e-21; // 0x3BA3198A 2E000000
  private static final double PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A 252049C1

  /** High words of n * pi/2 for n = 1..4: the start of fdlibm's npio2_hw table. */
  private static final int[] NPIO2_HW = {0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB};

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

  /** {@code StrictMath.exp(x)}, bit for bit. */
  static double exp(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >>> 32) & 0x7fffffff;
    if (hx >= 0x40862000 || hx < 0x3e300000) {
      return StrictMath.exp(x);
    }
    if (hx <= 0x3fd62e42) {
      return expReduced(x, 0, 0, 0);
    }
    if (hx < 0x3FF0A2B2) {
      return bits < 0 ? expReduced(x + LN2_HI, -LN2_LO, -1) : expReduced(x - LN2_HI, LN2_LO, 1);
    }
    int k = (int) (INV_LN2 * x + (bits < 0 ? -0.5 : 0.5));
    double t = k;
    return expReduced(x - t * LN2_HI, t * LN2_LO, k);
  }

  /** e^(hi - lo) * 2^k for |hi - lo| <= ln2 / 2; |k| <= 1021, so the result is normal. */
  private static double expReduced(double hi, double lo, int k) {
    return expReduced(hi - lo, hi, lo, k);
  }

  private static double expReduced(double x, double hi, double lo, int k) {
    double t = x * x;
    double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
  }

  /** {@code StrictMath.cos(x)}, bit for bit. */
  static double cos(double x) {
    int hx = highWord(x);
    int ix = hx & 0x7fffffff;
    if (ix <= 0x3fe921fb) {
      return kernelCos(x, 0.0);
    }
    if (ix < 0x4002d97c) {
      return cosNearHalfPi(x, hx, ix);
    }
    if (ix > 0x413921fb) {
      return StrictMath.cos(x);
    }
    double t = Math.abs(x);
    int n = (int) (t * INVPIO2 + 0.5);
    if (n > NPIO2_HW.length) {
      return StrictMath.cos(x);
    }
    // fdlibm's __ieee754_rem_pio2, medium path: x = n pi/2 + (y0 + y1).
    double fn = n;
    double r = t - fn * PIO2_1;
    double w = fn * PIO2_1T;
    double y0 = r - w;
    if (ix == NPIO2_HW[n - 1]) {
      int j = ix >> 20;
      if (j - ((highWord(y0) >> 20) & 0x7ff) > 16) {
        t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - ((t - r) - w);
        y0 = r - w;
        if (j - ((highWord(y0) >> 20) & 0x7ff) > 49) {
          t = r;
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - ((t - r) - w);
          y0 = r - w;
        }
      }
    }
    double y1 = (r - y0) - w;
    if (hx < 0) {
      y0 = -y0;
      y1 = -y1;
      n = -n;
    }
    return quadrant(n, y0, y1);
  }

  /** pi/4 < |x| < 3 pi/4: the reduction by one pi/2. */
  private static double cosNearHalfPi(double x, int hx, int ix) {
    double y0;
    double y1;
    if (hx > 0) {
      double z = x - PIO2_1;
      if (ix != 0x3ff921fb) {
        y0 = z - PIO2_1T;
        y1 = (z - y0) - PIO2_1T;
      } else {
        z -= PIO2_2;
        y0 = z - PIO2_2T;
        y1 = (z - y0) - PIO2_2T;
      }
      return quadrant(1, y0, y1);
    }
    double z = x + PIO2_1;
    if (ix != 0x3ff921fb) {
      y0 = z + PIO2_1T;
      y1 = (z - y0) + PIO2_1T;
    } else {
      z += PIO2_2;
      y0 = z + PIO2_2T;
      y1 = (z - y0) + PIO2_2T;
    }
    return quadrant(-1, y0, y1);
  }

  private static double quadrant(int n, double y0, double y1) {
    return switch (n & 3) {
      case 0 -> kernelCos(y0, y1);
      case 1 -> -kernelSin(y0, y1);
      case 2 -> -kernelCos(y0, y1);
      default -> kernelSin(y0, y1);
    };
  }

  private static double kernelCos(double x, double y) {
    int ix = highWord(x) & 0x7fffffff;
    if (ix < 0x3e400000 && ((int) x) == 0) {
      return 1.0;
    }
    double z = x * x;
    double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (ix < 0x3FD33333) {
      return 1.0 - (0.5 * z - (z * r - x * y));
    }
    double qx = ix > 0x3fe90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32);
    double hz = 0.5 * z - qx;
    double a = 1.0 - qx;
    return a - (hz - (z * r - x * y));
  }

  /** fdlibm's __kernel_sin with iy = 1 (a tail y is present). */
  private static double kernelSin(double x, double y) {
    int ix = highWord(x) & 0x7fffffff;
    if (ix < 0x3e400000 && ((int) x) == 0) {
      return x;
    }
    double z = x * x;
    double v = z * x;
    double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
  }

  private static int highWord(double x) {
    return (int) (Double.doubleToRawLongBits(x) >> 32);
  }
}
