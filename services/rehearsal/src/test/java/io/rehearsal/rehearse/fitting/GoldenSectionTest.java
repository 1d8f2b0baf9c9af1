package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GoldenSectionTest {
  @Test
  void shouldFindTheMinimumWithinTheShrunkIntervalWhenTheFunctionIsUnimodal() {
    AtomicInteger calls = new AtomicInteger();
    double[] best =
        GoldenSection.minimise(
            x -> {
              calls.incrementAndGet();
              return (x - 1.3) * (x - 1.3) + 2;
            },
            0,
            4,
            12);
    // After n evaluations the bracket is 4 * 0.618^(n - 1) = 0.02 wide.
    assertThat(best[0]).isEqualTo(1.3, within(0.02));
    assertThat(best[1]).isEqualTo(2, within(1e-3));
    assertThat(calls.get()).isEqualTo(12);
  }

  @Test
  void shouldStayInsideTheIntervalWhenTheMinimumIsAtAnEdge() {
    double[] best = GoldenSection.minimise(x -> x, 2, 3, 8);
    assertThat(best[0]).isBetween(2.0, 2.05);
  }
}
