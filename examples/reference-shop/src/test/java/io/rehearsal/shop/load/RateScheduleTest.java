package io.rehearsal.shop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateScheduleTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void shouldHaveExponentialInterArrivalsWhenRateIsConstant(long seed) {
    long[] arrivals = RateSchedule.constant(50, 400).arrivalsNanos(seed); // ~20,000 arrivals

    double[] gaps = new double[arrivals.length - 1];
    for (int i = 1; i < arrivals.length; i++) {
      gaps[i - 1] = (arrivals[i] - arrivals[i - 1]) / 1e9;
    }
    double mean = Arrays.stream(gaps).average().orElseThrow();
    double variance =
        Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (gaps.length - 1);

    // exponential(50/s): mean 0.02 s, variance 0.0004 s^2; 3 % and 6 % are > 4 standard errors
    assertThat(mean).isCloseTo(0.02, org.assertj.core.data.Percentage.withPercentage(3));
    assertThat(variance).isCloseTo(0.0004, org.assertj.core.data.Percentage.withPercentage(6));
    assertThat(arrivals.length).isBetween(20_000 - 600, 20_000 + 600);
  }

  @Test
  void shouldGiveSameArrivalsWhenSeedIsSame() {
    RateSchedule schedule = RateSchedule.parse("0:10,5:30", 10);

    assertThat(schedule.arrivalsNanos(3)).isEqualTo(schedule.arrivalsNanos(3));
    assertThat(schedule.arrivalsNanos(3)).isNotEqualTo(schedule.arrivalsNanos(4));
  }

  @Test
  void shouldFollowEachSegmentsRateWhenScheduleChanges() {
    long[] arrivals = RateSchedule.parse("0:20,100:60,200:0", 300).arrivalsNanos(11);

    long first = Arrays.stream(arrivals).filter(t -> t < 100e9).count();
    long second = Arrays.stream(arrivals).filter(t -> t >= 100e9 && t < 200e9).count();
    long third = Arrays.stream(arrivals).filter(t -> t >= 200e9).count();

    assertThat(first).isBetween(2000L - 180, 2000L + 180);
    assertThat(second).isBetween(6000L - 320, 6000L + 320);
    assertThat(third).isZero();
    assertThat(arrivals).isSorted();
  }

  @Test
  void shouldScaleEveryRateWhenScaled() {
    RateSchedule doubled = RateSchedule.parse("0:20,10:40", 20).scaled(2);

    assertThat(doubled.segments())
        .extracting(RateSchedule.Segment::ratePerSecond)
        .containsExactly(40.0, 80.0);
  }

  @Test
  void shouldNameBadSegmentWhenScheduleIsInvalid() {
    assertThatThrownBy(() -> RateSchedule.parse("0:10,5:-1", 10))
        .hasMessageContaining("segments[1].ratePerSecond < 0");
    assertThatThrownBy(() -> RateSchedule.parse("2:10", 10))
        .hasMessageContaining("must start at 0");
    assertThatThrownBy(() -> RateSchedule.parse("0:10,0:5", 10))
        .hasMessageContaining("segments[1] does not start later");
  }
}
