package io.rehearsal.shop.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

  private static String traceId(SplittableRandom random) {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  @Test
  void shouldKeepAboutTheRatioWhenTraceIdsAreRandom() {
    SplittableRandom random = new SplittableRandom(3);
    int kept = 0;
    for (int i = 0; i < 20_000; i++) {
      kept += TraceSampling.keep(traceId(random), 0.25) ? 1 : 0;
    }
    assertThat(kept / 20_000.0).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.015));
  }

  @Test
  void shouldKeepATraceAtEveryLargerRatioWhenKeptAtASmallerOne() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 1000; i++) {
      String id = traceId(random);
      if (TraceSampling.keep(id, 0.1)) {
        assertThat(TraceSampling.keep(id, 0.2)).isTrue();
        assertThat(TraceSampling.keep(id, 1)).isTrue();
      }
    }
  }

  @Test
  void shouldDecideByTheRightmost56Bits() {
    assertThat(TraceSampling.keep("ffffffffffffffffff00000000000001", 0.01)).isTrue();
    assertThat(TraceSampling.keep("0000000000000000007fffffffffffff", 0.5)).isTrue();
    assertThat(TraceSampling.keep("00000000000000000080000000000000", 0.5)).isFalse();
  }

  @Test
  void shouldRefuseARatioOutsideZeroToOne() {
    assertThatThrownBy(() -> TraceSampling.keep("0".repeat(31) + "1", 1.5))
        .hasMessageContaining("1.5");
  }
}
