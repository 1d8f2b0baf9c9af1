package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectorConfigTest {

  @Test
  void shouldNameFieldAndValueWhenARangeIsViolated() {
    assertThatThrownBy(() -> new DetectorConfig.Context(1, 7, 0.9, 10, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context.levels is out of range, but was 1");
    assertThatThrownBy(() -> new DetectorConfig.Combination(0, 0, 0, 1, 0.5, 0, 0))
        .hasMessageContaining("combination weights (sum)");
  }

  @Test
  void shouldKeepEverythingButTheSeedWhenReseeded() {
    DetectorConfig config = DetectorConfig.defaults();
    DetectorConfig other = config.withSeed(7);
    assertThat(other.seed()).isEqualTo(7);
    assertThat(other.withSeed(config.seed())).isEqualTo(config);
  }
}
