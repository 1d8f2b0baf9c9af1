package io.rehearsal.detector.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.IncidentEngine;
import io.rehearsal.ml.incident.IncidentEvent;
import io.rehearsal.ml.incident.Slo;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.otlp.SpanMapper;
import io.rehearsal.telemetry.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentMonitorTest {

  /** incident-error-payment: payment fails 30 % of requests from onset to end (incidents.json). */
  private static final long ONSET_MILLIS = 1795690708607L;

  private static final long END_MILLIS = 1795690733622L;

  private static Path recording() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("ml-models/data/reference-shop/incident-error-payment.otlp.jsonl.gz");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /**
   * Replays the recording up to {@code untilMillis} in batches of 200 spans by end time, ticking
   * after each batch.
   */
  private static List<IncidentEvent> replay(IncidentMonitor monitor, long untilMillis)
      throws Exception {
    Path file = recording();
    assumeTrue(file != null, "reference-shop recording not found");
    List<Span> spans = new ArrayList<>(Recordings.read(file, RecordingOptions.defaults()).spans());
    spans.sort(Comparator.comparingLong(Span::endNanos));
    List<IncidentEvent> events = new ArrayList<>();
    spans.removeIf(s -> s.endNanos() / 1_000_000 > untilMillis);
    for (int from = 0; from < spans.size(); from += 200) {
      List<Span> batch = spans.subList(from, Math.min(spans.size(), from + 200));
      monitor.onSpans(batch);
      events.addAll(monitor.advanceTo(batch.get(batch.size() - 1).endNanos() / 1_000_000));
    }
    return events;
  }

  private static IncidentEngine engine() {
    return new IncidentEngine(
        IncidentConfig.defaults(), List.of(Slo.parse("frontend/POST /checkout=300@99:0.98")));
  }

  @Test
  void shouldOpenOneIncidentOnPaymentWhenReplayingItsErrorRecording() throws Exception {
    List<IncidentEvent> heard = new ArrayList<>();
    IncidentMonitor monitor = new IncidentMonitor(engine(), heard::add);
    List<IncidentEvent> events = replay(monitor, Long.MAX_VALUE);
    assertThat(heard).isEqualTo(events);
    List<IncidentEvent> opened =
        events.stream().filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
    assertThat(opened).hasSize(1);
    long openedMillis = opened.get(0).epochSecond() * 1000;
    assertThat(openedMillis).isBetween(ONSET_MILLIS, END_MILLIS);
    assertThat(opened.get(0).incident().services()).containsAnyOf("payment", "checkout");
    assertThat(events.get(events.size() - 1).type()).isEqualTo(IncidentEvent.Type.RESOLVED);
    assertThat(monitor.live()).isZero();
  }

  @Test
  void shouldCountListenerFailuresWithoutStoppingWhenTheListenerThrows() throws Exception {
    IncidentMonitor monitor =
        new IncidentMonitor(
            engine(),
            e -> {
              throw new IllegalStateException("store down");
            });
    replay(monitor, END_MILLIS);
    assertThat(monitor.incidents()).hasSize(1);
    assertThat(monitor.listenerFailures()).isGreaterThanOrEqualTo(1);
    assertThat(monitor.mitigating(monitor.incidents().get(0).id())).isPresent();
    assertThat(monitor.listenerFailures()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldJudgeEveryBatchInEventTimeWhenABacklogIsDrainedWithoutTicks() throws Exception {
    Path file = recording();
    assumeTrue(file != null, "reference-shop recording not found");
    Path baseline = file.resolveSibling("baseline.otlp.jsonl.gz");
    List<IncidentEvent> heard = new ArrayList<>();
    IncidentMonitor monitor =
        new IncidentMonitor(
            IncidentMonitorTest::engine, heard::add, ms -> {}, true, 600_000, ms -> {});
    // One batch per recorded export, as the receiver offers them, and a tick only every 300
    // (about 43 s of event time): more than an endpoint's ring of seconds (34 s), as when the
    // ingest worker drains a backlog between two ticks.
    try (OtlpJsonLines lines = OtlpJsonLines.open(baseline, JsonLinesOptions.defaults())) {
      int batch = 0;
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get() instanceof OtlpLine.Traces t) {
          monitor.onSpans(SpanMapper.map(t.request()).accepted());
          if (++batch % 300 == 0) {
            monitor.advanceTo(0);
          }
        }
      }
    }
    monitor.advanceTo(0);

    assertThat(heard).isEmpty();
    assertThat(monitor.counters().late()).isZero();
  }
}
