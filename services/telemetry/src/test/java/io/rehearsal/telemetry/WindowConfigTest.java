package io.rehearsal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowConfigTest {

  @Test
  void shouldBeValidWhenDefaults() {
    WindowConfig config = WindowConfig.defaults();

    assertThat(config.length()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.traceGrace()).isLessThanOrEqualTo(config.lateness());
  }

  @Test
  void shouldRejectGraceLongerThanLatenessWhenConstructed() {
    assertThatThrownBy(
            () ->
                WindowConfig.defaults().withLateness(Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .hasMessage("traceGrace must not exceed lateness PT1S, but was PT2S");
  }

  @Test
  void shouldRejectZeroLengthWhenConstructed() {
    assertThatThrownBy(() -> WindowConfig.defaults().withLength(Duration.ZERO))
        .hasMessage("length must be positive, but was PT0S");
  }

  @Test
  void shouldRejectZeroBoundsWhenConstructed() {
    assertThatThrownBy(() -> WindowConfig.defaults().withBounds(0, 1, 1))
        .hasMessage("maxBufferedSpans must be >= 1, but was 0");
  }
}
