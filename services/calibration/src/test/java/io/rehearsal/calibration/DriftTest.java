package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {

  @Test
  void shouldWarnWhenServiceTimesFallAcrossTheRecording() {
    List<ServedRequest> warming = requests(i -> 0.010 - 0.004 * i / 500.0);
    List<String> notes = Drift.notes(Map.of("a/x", warming), start(0), start(499));
    assertThat(notes).singleElement().asString().contains("-3", "warming up");
  }

  @Test
  void shouldStaySilentWhenTheSystemIsStationary() {
    List<ServedRequest> steady = requests(i -> 0.010 + 0.001 * (i % 3));
    assertThat(Drift.notes(Map.of("a/x", steady), start(0), start(499))).isEmpty();
  }

  private static List<ServedRequest> requests(java.util.function.IntToDoubleFunction seconds) {
    List<ServedRequest> out = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Span span =
          new Span(
              0,
              i + 1,
              i + 1,
              0,
              "a",
              "x",
              "x",
              SpanKind.SERVER,
              start(i),
              start(i) + Math.round(seconds.applyAsDouble(i) * 1e9),
              false,
              200,
              "");
      out.add(new ServedRequest(span, "a/x", List.of()));
    }
    return out;
  }

  private static long start(int i) {
    return SyntheticTraces.nanos(i * 0.1);
  }
}
