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

  private static void assertSameBits(double actual, double expected, String f, double x) {
    assertThat(Double.doubleToRawLongBits(actual))
        .as("%s(%s) = %s, StrictMath says %s", f, x, actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }
}
