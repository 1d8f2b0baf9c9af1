package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SecondsConverterTest {
  private final SecondsConverter converter = new SecondsConverter();

  @Test
  void shouldReadSecondsMinutesAndHoursWhenSuffixed() {
    assertThat(converter.convert("300")).isEqualTo(300.0);
    assertThat(converter.convert("2.5s")).isEqualTo(2.5);
    assertThat(converter.convert("5m")).isEqualTo(300.0);
    assertThat(converter.convert("1h")).isEqualTo(3600.0);
  }

  @Test
  void shouldNameTheValueWhenItIsNotADuration() {
    assertThatThrownBy(() -> converter.convert("5 minutes"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'5 minutes' is not a duration");
    assertThatThrownBy(() -> converter.convert("-1")).isInstanceOf(TypeConversionException.class);
  }
}
