package io.rehearsal.twin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchConfigTest {

  @Test
  void shouldNameTheFieldAndValueWhenAValueIsOutOfRange() {
    assertThatThrownBy(() -> new BenchConfig(-1, 1, 600, 1000, 1))
        .hasMessage("warmupSeconds must be >= 0, but was -1.0");
    assertThatThrownBy(() -> new BenchConfig(1, 1, 7200, 1000, 1))
        .hasMessage("runSeconds must be in (0, 3600], but was 7200.0");
    assertThatThrownBy(() -> new BenchConfig(1, 1, 600, 0, 1))
        .hasMessage("targetRate must be > 0, but was 0.0");
  }

  @Test
  void shouldKeepTheOtherValuesWhenTimesChange() {
    BenchConfig c = BenchConfig.DEFAULT.withTimes(0.5, 2).withRunSeconds(60);
    assertThat(c).isEqualTo(new BenchConfig(0.5, 2, 60, 1000, 1));
  }
}
