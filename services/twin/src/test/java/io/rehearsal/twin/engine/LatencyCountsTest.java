package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.random.RandomStream;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;

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
}
