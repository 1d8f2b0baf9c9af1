package io.rehearsal.telemetry;

import static io.rehearsal.telemetry.TestSpans.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpanTest {

  private static Span span(long trace, long id, long parent, long start, long end, int status) {
    return new Span(
        0,
        trace,
        id,
        parent,
        "cart",
        "GET /cart",
        "GET /cart",
        SpanKind.SERVER,
        start,
        end,
        false,
        status,
        "");
  }

  @Test
  void shouldReportDurationAndHexIdsWhenValid() {
    Span span =
        new Span(1, 2, 0xabcL, 0, "cart", "n", "e", SpanKind.SERVER, T0, T0 + 5, false, 0, "");

    assertThat(span.durationNanos()).isEqualTo(5);
    assertThat(span.isRoot()).isTrue();
    assertThat(span.traceIdHex()).isEqualTo("00000000000000010000000000000002");
    assertThat(span.spanIdHex()).isEqualTo("0000000000000abc");
  }

  @Test
  void shouldRejectEndBeforeStartNamingBothWhenConstructed() {
    assertThatThrownBy(() -> span(1, 1, 0, T0, T0 - 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endNanos")
        .hasMessageContaining(Long.toString(T0 - 1));
  }

  @Test
  void shouldRejectZeroIdsWhenConstructed() {
    assertThatThrownBy(() -> span(0, 1, 0, T0, T0, 0)).hasMessageContaining("traceId");
    assertThatThrownBy(() -> span(1, 0, 0, T0, T0, 0)).hasMessageContaining("spanId");
    assertThatThrownBy(() -> span(1, 7, 7, T0, T0, 0)).hasMessageContaining("parentSpanId");
  }

  @Test
  void shouldRejectImpossibleHttpStatusWhenConstructed() {
    assertThatThrownBy(() -> span(1, 1, 0, T0, T0, 42))
        .hasMessage("httpStatus must be 0 (none) or between 100 and 599, but was 42");
  }

  @Test
  void shouldRejectBlankServiceWhenConstructed() {
    assertThatThrownBy(
            () -> new Span(0, 1, 1, 0, " ", "n", "e", SpanKind.SERVER, T0, T0, false, 0, ""))
        .hasMessage("service must not be blank, but was ' '");
  }
}
