package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FdLibmTest {
  private static final int N = 400_000;

  @ParameterizedTest(name = "range {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void shouldEqualStrictMathLogBitForBitWhenArgumentsAreRandom(int range) {
    RandomStream r = new RandomStream(100 + range);
    for (int i = 0; i < N; i++) {
      double u = r.nextOpenDouble();
      double x =
          switch (range) {
            case 0 -> u;
            case 1 -> u * 1e6;
            case 2 -> StrictMath.pow(10, 600 * (u - 0.5));
            case 3 -> 1 + (u - 0.5) * 1e-5;
            default -> Double.longBitsToDouble(r.nextLong() & 0x7fffffffffffffffL);
          };
      assertSameBits(FdLibm.log(x), StrictMath.log(x), "log", x);
    }
  }

  @Test
  void shouldEqualStrictMathLogWhenArgumentIsSpecial() {
    double[] special = {
      0.0,
      -0.0,
      -1,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      1,
      2,
      Math.E,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NaN,
      Math.nextUp(1.0),
      Math.nextDown(1.0)
    };
    for (double x : special) {
      assertSameBits(FdLibm.log(x), StrictMath.log(x), "log", x);
    }
  }

  @ParameterizedTest(name = "range {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void shouldEqualStrictMathExpBitForBitWhenArgumentsAreRandom(int range) {
    RandomStream r = new RandomStream(300 + range);
    for (int i = 0; i < N; i++) {
      double u = r.nextDouble();
      double x =
          switch (range) {
            case 0 -> StrictMath.log(0.004) + 0.7 * (u - 0.5) * 12;
            case 1 -> (u - 0.5) * 3 * StrictMath.log(2);
            case 2 -> (u - 0.5) * 1420;
            case 3 -> (u - 0.5) * 1e-7;
            default -> Double.longBitsToDouble(r.nextLong());
          };
      assertSameBits(FdLibm.exp(x), StrictMath.exp(x), "exp", x);
    }
  }

  @Test
  void shouldEqualStrictMathExpWhenArgumentIsSpecial() {
    double half = 0.5 * StrictMath.log(2);
    double[] special = {
      0.0,
      1,
      half,
      Math.nextUp(half),
      Math.nextDown(half),
      3 * half,
      Math.nextUp(3 * half),
      Math.nextDown(3 * half),
      0x1.0p-28,
      Math.nextDown(0x1.0p-28),
      708,
      Math.nextDown(708.0),
      709.782712893384,
      745.2,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NaN
    };
    for (double x : special) {
      assertSameBits(FdLibm.exp(x), StrictMath.exp(x), "exp", x);
      assertSameBits(FdLibm.exp(-x), StrictMath.exp(-x), "exp", -x);
    }
  }

  @ParameterizedTest(name = "range {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void shouldEqualStrictMathCosBitForBitWhenArgumentsAreRandom(int range) {
    RandomStream r = new RandomStream(200 + range);
    for (int i = 0; i < N; i++) {
      double x =
          switch (range) {
            case 0 -> 2 * StrictMath.PI * r.nextDouble();
            case 1 -> (r.nextDouble() - 0.5) * 16;
            case 2 -> (i % 8 + 1) * (StrictMath.PI / 2) * (1 + (r.nextDouble() - 0.5) * 1e-12);
            default -> (r.nextDouble() - 0.5) * 1e7;
          };
      assertSameBits(FdLibm.cos(x), StrictMath.cos(x), "cos", x);
    }
  }

  @Test
  void shouldEqualStrictMathCosWhenArgumentIsSpecial() {
    double[] special = {
      0.0,
      -0.0,
      StrictMath.PI / 4,
      StrictMath.PI / 2,
      StrictMath.PI,
      3 * StrictMath.PI / 2,
      2 * StrictMath.PI,
      Math.nextDown(2 * StrictMath.PI),
      1e-30,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      1e300
    };
    for (double x : special) {
      assertSameBits(FdLibm.cos(x), StrictMath.cos(x), "cos", x);
      assertSameBits(FdLibm.cos(-x), StrictMath.cos(-x), "cos", -x);
    }
  }

  private static void assertSameBits(double actual, double expected, String f, double x) {
    assertThat(Double.doubleToRawLongBits(actual))
        .as("%s(%s) = %s, StrictMath says %s", f, x, actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }
}
