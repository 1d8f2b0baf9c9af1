package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.random.RandomStream;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyCountsTest {

  @Test
  void shouldFillAHistogramExactlyAsRecordingEachValueWhenDrained() {
    RandomStream r = new RandomStream(11);
    IntCountsHistogram direct = new IntCountsHistogram(2);
    IntCountsHistogram drained = new IntCountsHistogram(2);
    LatencyCounts counts = new LatencyCounts();
    for (int i = 0; i < 200_000; i++) {
      long micros = 1 + (long) StrictMath.exp(r.nextDouble() * 27); // 1 us to 6 days
      direct.recordValue(micros);
      counts.record(micros);
      if (i % 50_000 == 49_999) {
        counts.drainInto(drained);
      }
    }
    assertThat(drained.getTotalCount()).isEqualTo(direct.getTotalCount());
    for (double p = 0.5; p < 100; p += 0.5) {
      assertThat(drained.getValueAtPercentile(p))
          .as("p%s", p)
          .isEqualTo(direct.getValueAtPercentile(p));
    }
    assertThat(drained.getValueAtPercentile(100)).isEqualTo(direct.getValueAtPercentile(100));
  }

  @Test
  void shouldMapEveryIndexBackToAValueOfThatIndexWhenAskedForItsLowestValue() {
    for (int i = 0; i < LatencyCounts.index(LatencyCounts.LIMIT - 1); i++) {
      long v = LatencyCounts.valueAt(i);
      if (v > 0) {
        assertThat(LatencyCounts.index(v)).as("index %d", i).isEqualTo(i);
      }
    }
  }

  @Test
  void shouldLeaveNothingBehindWhenDrained() {
    LatencyCounts counts = new LatencyCounts();
    counts.record(1234);
    IntCountsHistogram h = new IntCountsHistogram(2);
    counts.drainInto(h);
    counts.drainInto(h);
    assertThat(h.getTotalCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void shouldGiveTheHistogramsPercentilesWhenAskedWithoutFillingOne(long seed) {
    RandomStream r = new RandomStream(seed);
    LatencyCounts counts = new LatencyCounts();
    for (int round = 0; round < 20; round++) {
      IntCountsHistogram direct = new IntCountsHistogram(2);
      int n = 1 + r.nextInt(round % 2 == 0 ? 5 : 20_000);
      for (int i = 0; i < n; i++) {
        long micros = 1 + (long) StrictMath.exp(r.nextDouble() * (5 + round)); // up to ~1 day
        direct.recordValue(micros);
        counts.record(micros);
      }
      assertThat(counts.total()).isEqualTo(direct.getTotalCount());
      double[] percentiles = {0, 0.1, 1, 25, 50, 90, 99, 99.9, 99.99, 100, 33.333};
      for (double p : percentiles) {
        assertThat(counts.valueAtPercentile(p))
            .as("round %d p%s", round, p)
            .isEqualTo(direct.getValueAtPercentile(p));
      }
      counts.clear();
      assertThat(counts.total()).isZero();
    }
  }
}
