package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordingOptionsTest {

  @Test
  void shouldKeepEverythingAndStopAtBadLinesWhenDefault() {
    RecordingOptions defaults = RecordingOptions.defaults();

    assertThat(defaults.lastSeconds()).isZero();
    assertThat(defaults.skips()).isFalse();
    assertThat(defaults.lines().skipBadLines()).isFalse();
  }

  @Test
  void shouldSkipEvenZeroSecondsWhenSkipIsGiven() {
    RecordingOptions options = RecordingOptions.defaults().skip(0);

    assertThat(options.skips()).isTrue();
    assertThat(options.skipSeconds()).isZero();
  }

  @Test
  void shouldKeepTheOtherSettingsWhenOneIsChanged() {
    RecordingOptions options =
        RecordingOptions.defaults().last(600).skippingBadLines((f, s) -> {}).skip(75);

    assertThat(options.lastSeconds()).isEqualTo(600);
    assertThat(options.skipSeconds()).isEqualTo(75);
    assertThat(options.lines().skipBadLines()).isTrue();
  }

  @Test
  void shouldRejectLastWhenNotPositive() {
    assertThatThrownBy(() -> RecordingOptions.defaults().last(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lastSeconds must be positive, but was 0.0");
  }

  @Test
  void shouldRejectSkipWhenNegativeOrInfinite() {
    assertThatThrownBy(() -> RecordingOptions.defaults().skip(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skipSeconds must be >= 0, but was -1.0");
    assertThatThrownBy(() -> RecordingOptions.defaults().skip(Double.POSITIVE_INFINITY))
        .hasMessage("skipSeconds must be >= 0, but was Infinity");
  }
}
