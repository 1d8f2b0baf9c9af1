package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableExpTest {
  private static final int N = 400_000;

  private static long ulps(double a, double b) {
    return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
  }

  @ParameterizedTest(name = "arguments within {0}")
  @ValueSource(doubles = {1e-6, 0.01, 1, 20, 700})
  void shouldStayWithinTwoUlpsOfStrictMathAndMostlyEqualIt(double range) {
    RandomStream r = new RandomStream((long) (range * 1e6));
    long equal = 0;
    for (int i = 0; i < N; i++) {
      double x = (2 * r.nextDouble() - 1) * range;
      double expected = StrictMath.exp(x);
      double actual = TableExp.exp(x);
      assertThat(ulps(actual, expected))
          .as("exp(%s) = %s, not %s", x, actual, expected)
          .isLessThanOrEqualTo(2);
      equal += actual == expected ? 1 : 0;
    }
    assertThat((double) equal / N).as("share equal to StrictMath").isGreaterThan(0.6);
  }

  @Test
  void shouldBeExactWhereTheTableIs() {
    assertThat(TableExp.exp(0)).isEqualTo(1.0);
    assertThat(TableExp.exp(-0.0)).isEqualTo(1.0);
    for (int k = -1000; k <= 1000; k++) {
      double x = k * Math.log(2); // k ln 2 as a double: within one ulp of 2^k
      assertThat(ulps(TableExp.exp(x), StrictMath.exp(x))).as("k=%d", k).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void shouldHandOutOfRangeAndSpecialArgumentsToStrictMath() {
    double[] special = {
      700.5,
      -700.5,
      709.7,
      -745,
      -746,
      1e300,
      -1e300,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN
    };
    for (double x : special) {
      assertThat(Double.doubleToRawLongBits(TableExp.exp(x)))
          .as("exp(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(StrictMath.exp(x)));
    }
  }

  @Test
  void shouldBeMonotoneAcrossTableSteps() {
    double x = -3;
    double previous = TableExp.exp(x);
    RandomStream r = new RandomStream(3);
    while (x < 3) {
      x += r.nextDouble() * 1e-3;
      double y = TableExp.exp(x);
      assertThat(y).as("exp(%s)", x).isGreaterThanOrEqualTo(previous);
      previous = y;
    }
  }
}
