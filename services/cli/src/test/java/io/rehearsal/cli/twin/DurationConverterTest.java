package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource({"600, 600", "90s, 90", "10m, 600", "1.5h, 5400", "1h30m, 5400", "2m30s, 150"})
  void shouldReadSecondsWhenTheDurationHasUnits(String text, double seconds) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(seconds);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "ten", "5d", "m", "1h-5m"})
  void shouldRejectTheTextWhenItIsNotADuration(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("is not a duration");
  }
}
