package io.rehearsal.telemetry;

import static io.rehearsal.telemetry.TestSpans.T0;
import static io.rehearsal.telemetry.TestSpans.client;
import static io.rehearsal.telemetry.TestSpans.millis;
import static io.rehearsal.telemetry.TestSpans.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowCodecTest {

  @Test
  void shouldRoundTripEveryPartWhenEncodedAndDecoded() {
    WindowAggregator windows =
        new WindowAggregator(WindowConfig.defaults().withLength(Duration.ofSeconds(1)));
    windows.add(server(1, 1, 0, "front", "GET /", T0, T0 + millis(40)));
    windows.add(client(1, 2, 1, "front", "psp", T0 + millis(1), T0 + millis(30)));
    windows.add(MetricPoint.gauge("front", "cpu", Map.of("state", "user"), T0 + 5, 0.25));
    ClosedWindow window = windows.flush().get(0);

    byte[] json = WindowCodec.encode(window);
    ClosedWindow decoded = WindowCodec.decode(json);

    assertThat(decoded).isEqualTo(window);
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"p99Nanos\":40");
  }

  @Test
  void shouldRejectJsonThatIsNoWindowWhenDecoding() {
    assertThatThrownBy(() -> WindowCodec.decode("{\"startNanos\":3,\"lengthNanos\":2}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startNanos must be a multiple of lengthNanos 2, but was 3");
  }

  @Test
  void shouldKeepEmptyListsWhenWindowHasOnlyMetrics() {
    ClosedWindow window = new ClosedWindow(0, 10, List.of(), List.of(), List.of());

    assertThat(WindowCodec.decode(WindowCodec.encode(window))).isEqualTo(window);
  }
}
