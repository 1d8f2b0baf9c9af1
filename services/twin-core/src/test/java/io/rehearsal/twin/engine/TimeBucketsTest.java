package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.random.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeBucketsTest {
  private static int byDivision(double time, int buckets, double width) {
    return Math.min(buckets - 1, (int) (time / width));
  }

  @ParameterizedTest
  @ValueSource(doubles = {10, 0.1, 1.0 / 3, 7.3, 0.6, 1e-3, 0.002, 86_400.0 / 1000})
  void shouldAnswerAsTheDivisionForTimesThatNeverDecrease(double width) {
    int buckets = 61;
    TimeBuckets of = new TimeBuckets(buckets, width);
    RandomStream r = new RandomStream(5);
    double t = 0;
    double end = buckets * width * 1.1;
    while (t < end) {
      assertThat(of.of(t)).as("t=%s", t).isEqualTo(byDivision(t, buckets, width));
      t += r.nextDouble() * width / 50;
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {10, 0.1, 1.0 / 3, 7.3, 0.6, 1e-3})
  void shouldAnswerAsTheDivisionAtEveryBoundaryAndTheUlpsAroundIt(double width) {
    int buckets = 200;
    TimeBuckets of = new TimeBuckets(buckets, width);
    for (int k = 0; k <= buckets + 1; k++) {
      double t = k * width;
      double[] around = {
        Math.nextDown(Math.nextDown(t)),
        Math.nextDown(t),
        t,
        Math.nextUp(t),
        Math.nextUp(Math.nextUp(t))
      };
      for (double x : around) {
        if (x >= 0) {
          assertThat(of.of(x)).as("k=%d t=%s", k, x).isEqualTo(byDivision(x, buckets, width));
        }
      }
    }
  }

  @Test
  void shouldAnswerAsTheDivisionWhateverTheOrderOfTheQuestions() {
    double width = 0.7;
    int buckets = 40;
    TimeBuckets of = new TimeBuckets(buckets, width);
    RandomStream r = new RandomStream(17);
    double[] times = new double[20_000];
    for (int i = 0; i < times.length; i++) {
      times[i] = r.nextDouble() * buckets * width * 1.2;
    }
    for (double t : times) {
      assertThat(of.of(t)).as("t=%s", t).isEqualTo(byDivision(t, buckets, width));
    }
    Arrays.sort(times);
    for (int i = times.length - 1; i >= 0; i--) {
      assertThat(of.of(times[i])).isEqualTo(byDivision(times[i], buckets, width));
    }
  }

  @Test
  void shouldKeepAnsweringAsTheDivisionForTimesWithoutARange() {
    TimeBuckets of = new TimeBuckets(10, 1);
    assertThat(of.of(Double.NaN)).isEqualTo(byDivision(Double.NaN, 10, 1));
    assertThat(of.of(-0.5)).isEqualTo(byDivision(-0.5, 10, 1));
    assertThat(of.of(3.5)).isEqualTo(3);
    assertThat(of.of(Double.POSITIVE_INFINITY)).isEqualTo(9);
    assertThat(of.of(1e300)).isEqualTo(9);
    assertThat(new TimeBuckets(1, 5).of(123)).isZero();
  }

  @Test
  void shouldRejectNoBucketsAndWidthsThatAreNotPositiveAndFinite() {
    assertThatThrownBy(() -> new TimeBuckets(0, 1)).hasMessageContaining("buckets must be >= 1");
    for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new TimeBuckets(3, w))
          .hasMessageContaining("bucket width must be > 0");
    }
  }
}
