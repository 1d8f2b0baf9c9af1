package io.rehearsal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpanIdsTest {

  @Test
  void shouldRoundTripSpanIdsWhenHighBitIsSet() {
    long id = 0xfedcba9876543210L;

    assertThat(SpanIds.spanIdHex(id)).isEqualTo("fedcba9876543210");
    assertThat(SpanIds.parseSpanId("FEDCBA9876543210")).isEqualTo(id);
  }

  @Test
  void shouldPadTraceIdsWhenHalvesAreSmall() {
    assertThat(SpanIds.traceIdHex(0, 1)).isEqualTo("0".repeat(31) + "1");
  }

  @Test
  void shouldRejectMalformedHexWhenParsing() {
    assertThatThrownBy(() -> SpanIds.parseSpanId("xyz")).hasMessageContaining("'xyz'");
    assertThatThrownBy(() -> SpanIds.parseSpanId("zzzzzzzzzzzzzzzz"))
        .hasMessageContaining("16 hex digits");
  }
}
