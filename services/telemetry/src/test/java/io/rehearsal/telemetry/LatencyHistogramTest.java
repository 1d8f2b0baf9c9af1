package io.rehearsal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {

  /** The q-quantile of sorted data with HdrHistogram's definition (smallest value covering q). */
  static long exactQuantile(long[] sorted, double q) {
    int rank = (int) Math.max(1, Math.ceil(q * sorted.length - 1e-9));
    return sorted[rank - 1];
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void shouldMatchSortedDataWithinPrecisionWhenDurationsAreLognormal(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] durations = new long[5_000];
    for (int i = 0; i < durations.length; i++) {
      durations[i] = (long) (Math.exp(random.nextGaussian() * 1.2 + 15)); // ~3 ms median
    }
    LatencyHistogram histogram = LatencyHistogram.ofNanos(2, durations);
    long[] sorted = durations.clone();
    Arrays.sort(sorted);

    for (double q : new double[] {0.01, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0}) {
      long exact = exactQuantile(sorted, q);
      assertThat(histogram.valueAtQuantileNanos(q))
          .as("q=%s", q)
          .isCloseTo(exact, org.assertj.core.data.Offset.offset((long) (exact * 0.01) + 1_000));
    }
    assertThat(histogram.count()).isEqualTo(durations.length);
  }

  @Test
  void shouldRoundTripWhenEncodedAndDecoded() {
    LatencyHistogram histogram = LatencyHistogram.ofNanos(2, 1_000_000, 2_000_000, 50_000_000);

    LatencyHistogram decoded = LatencyHistogram.decode(histogram.encode());

    assertThat(decoded).isEqualTo(histogram);
    assertThat(decoded.count()).isEqualTo(3);
    assertThat(decoded.valueAtQuantileNanos(1.0)).isEqualTo(histogram.maxNanos());
  }

  @Test
  void shouldEqualHistogramOfAllValuesWhenMerged() {
    LatencyHistogram merged =
        LatencyHistogram.merge(
            java.util.List.of(
                LatencyHistogram.ofNanos(2, 1_000_000, 3_000_000),
                LatencyHistogram.ofNanos(2, 2_000_000)));

    assertThat(merged).isEqualTo(LatencyHistogram.ofNanos(2, 1_000_000, 2_000_000, 3_000_000));
    assertThat(LatencyHistogram.merge(java.util.List.of()).count()).isZero();
  }

  @Test
  void shouldRejectGarbageWhenDecoding() {
    assertThatThrownBy(() -> LatencyHistogram.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an encoded latency histogram");
  }

  @Test
  void shouldRejectQuantileOutsideUnitIntervalWhenAsked() {
    assertThatThrownBy(() -> LatencyHistogram.empty(2).valueAtQuantileNanos(1.5))
        .hasMessage("q must be between 0 and 1, but was 1.5");
  }
}
