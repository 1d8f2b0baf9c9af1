package io.rehearsal.rehearse.reality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedIntervalTest {

  @Test
  void shouldGiveTheStudentTIntervalOfTheBlockDifferences() {
    PairedInterval i =
        PairedInterval.of(List.of(1.0, 2.0, 3.0, 4.0), List.of(0.0, 0.0, 0.0, 0.0), 0.95);

    assertThat(i.mean()).isEqualTo(2.5);
    // sd 1.2909944, se 0.6454972, t(0.975, 3) = 3.1824463
    assertThat(i.halfWidth()).isCloseTo(2.0542603, within(1e-6));
    assertThat(i.containsZero()).isFalse();
  }

  @Test
  void shouldContainZeroWhenTheDifferencesChangeSign() {
    PairedInterval i = PairedInterval.of(List.of(0.9, 0.7, 0.8), List.of(0.8, 0.8, 0.8), 0.95);
    assertThat(i.containsZero()).isTrue();
  }

  @Test
  void shouldRefuseArmsWithDifferentBlockCounts() {
    assertThatThrownBy(() -> PairedInterval.of(List.of(1.0, 2.0), List.of(1.0), 0.95))
        .hasMessageContaining("2 and 1");
  }
}
