package io.rehearsal.shop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadGateTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final LoadGate gate = new LoadGate(7, now::get);

  private static JsonNode json(String text) {
    return Json.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldAdmitEverythingWhenNothingIsSet() {
    for (int i = 0; i < 100; i++) {
      assertThat(gate.admit("GET /browse")).isEmpty();
    }
  }

  @Test
  void shouldAdmitTheRateAfterTheBurstWhenRateLimited() {
    gate.rateLimit(json("{\"ratePerSecond\":10}"));
    int admitted = 0;
    for (int ms = 0; ms < 2000; ms++) {
      now.addAndGet(1_000_000L);
      admitted += gate.admit("GET /browse").isEmpty() ? 1 : 0;
    }
    assertThat(admitted).as("10 of burst + 2 s x 10/s").isBetween(29, 31);
    assertThat(gate.admit("GET /browse")).contains(LoadGate.Reason.RATE_LIMITED);
  }

  @Test
  void shouldShedAllRoutesWhenTheRouteIsAStar() {
    gate.shed(json("{\"route\":\"*\",\"share\":1}"));
    assertThat(gate.admit("POST /cart")).isEqualTo(Optional.of(LoadGate.Reason.SHED));
    gate.reset();
    assertThat(gate.admit("POST /cart")).isEmpty();
  }

  @Test
  void shouldStopSheddingWhenTheShareIsZero() {
    gate.shed(json("{\"route\":\"GET /browse\",\"share\":1}"));
    gate.shed(json("{\"route\":\"GET /browse\",\"share\":0}"));
    assertThat(gate.admit("GET /browse")).isEmpty();
    assertThat(gate.state()).containsEntry("shed", java.util.Map.of());
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> gate.shed(json("{\"route\":\"GET /browse\",\"share\":1.5}")))
        .isInstanceOf(Request.BadRequestException.class)
        .hasMessageContaining("1.5");
  }
}
