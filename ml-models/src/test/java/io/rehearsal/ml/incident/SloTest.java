package io.rehearsal.ml.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SloTest {

  @Test
  void shouldMultiplyPromisesWhenBuiltFromPercentileAndAvailability() {
    Slo slo = Slo.of("frontend/POST /checkout", 300, 99, 0.98);
    assertThat(slo.service()).isEqualTo("frontend");
    assertThat(slo.endpoint()).isEqualTo("POST /checkout");
    assertThat(slo.budget()).isCloseTo(1 - 0.98 * 0.99, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void shouldReadEveryPartWhenParsingTheCompactForm() {
    Slo slo = Slo.parse("frontend/GET /browse=200@99:0.99");
    assertThat(slo).isEqualTo(Slo.of("frontend/GET /browse", 200, 99, 0.99));
    assertThatThrownBy(() -> Slo.parse("frontend/GET /browse=200"))
        .hasMessageContaining("SERVICE/ENDPOINT=MS@PCT:AVAIL");
  }

  @Test
  void shouldNameTheFieldWhenAValueIsOutOfRange() {
    assertThatThrownBy(() -> Slo.of("frontend", 300, 99, 0.98))
        .hasMessageContaining("service/endpoint");
    assertThatThrownBy(() -> new Slo("a", "b", 10, 1.5))
        .hasMessage("slo.objective is out of range, but was 1.5");
  }
}
