package io.rehearsal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricPointTest {

  @Test
  void shouldSortAndFreezeAttributesWhenConstructed() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("state", "user");
    attributes.put("cpu", "0");

    MetricPoint point = MetricPoint.gauge("cart", "process.cpu.utilization", attributes, 5, 0.4);
    attributes.put("late", "x");

    assertThat(point.attributes())
        .containsExactly(Map.entry("cpu", "0"), Map.entry("state", "user"));
  }

  @Test
  void shouldRejectNonFiniteValueWhenConstructed() {
    assertThatThrownBy(() -> MetricPoint.gauge("cart", "m", Map.of(), 5, Double.NaN))
        .hasMessage("value must be finite, but was NaN");
  }

  @Test
  void shouldRejectStartAfterTimeWhenConstructed() {
    assertThatThrownBy(
            () -> new MetricPoint("cart", "m", "s", Map.of(), MetricKind.SUM, true, 10, 5, 1.0, 0))
        .hasMessageContaining("startNanos must not be after timeNanos 5, but was 10");
  }
}
