package io.rehearsal.detector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.IncidentEvent;
import io.rehearsal.ml.incident.IncidentEvent.Type;
import io.rehearsal.ml.incident.IncidentState;
import io.rehearsal.ml.incident.Signal;
import io.rehearsal.ml.incident.Symptom;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentLifecycle.Stage;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's incident changes kept in a real Redis, across "restarts" (a new recorder on the same
 * Redis, as a restarted detector makes one).
 */
class IncidentRecorderTest {

  private static final long T0 = Instant.parse("2026-12-07T10:00:00Z").getEpochSecond();
  private static final Duration FLAP = Duration.ofMinutes(10);
  private static final Duration GRACE = Duration.ofMinutes(2);

  @TempDir Path dir;
  private EmbeddedRedis redis;
  private IncidentLifecycle lifecycle;

  @BeforeEach
  void start() {
    redis = EmbeddedRedis.start(dir);
    lifecycle =
        IncidentLifecycle.connect(
            redis.uri(), StoreConfig.defaults().keyPrefix(), Duration.ofSeconds(10), 100);
  }

  @AfterEach
  void stop() {
    lifecycle.close();
    redis.close();
  }

  private IncidentRecorder recorder() {
    return new IncidentRecorder(lifecycle, IncidentConfig.defaults(), FLAP, GRACE);
  }

  private static IncidentEvent event(
      Type type, long second, String engineId, IncidentState state, Symptom... symptoms) {
    List<Symptom> list = List.of(symptoms);
    Set<String> services =
        list.stream().map(Symptom::service).collect(java.util.stream.Collectors.toSet());
    return new IncidentEvent(
        type,
        second,
        new Incident(
            engineId,
            state,
            T0,
            list.stream().mapToLong(Symptom::onsetSecond).min().orElseThrow(),
            second,
            state == IncidentState.RESOLVED ? second : -1,
            0,
            services,
            list));
  }

  private static Symptom errors(String service, long second) {
    return new Symptom(service, "POST /pay", Signal.ERROR_RATE, second, second - 6, 0.3, 0.0);
  }

  private static Symptom slow(String service, long second) {
    return new Symptom(service, "POST /checkout", Signal.LATENCY_P99, second, second - 6, 900, 80);
  }

  private IncidentRecord only() {
    List<IncidentRecord> all = lifecycle.recent(10);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void shouldStoreOpenUpdateAndResolveWhenTheEngineReportsThem() {
    IncidentRecorder recorder = recorder();
    recorder.accept(event(Type.OPENED, T0, "e1", IncidentState.OPEN, errors("payment", T0)));
    recorder.accept(
        event(
            Type.UPDATED,
            T0 + 3,
            "e1",
            IncidentState.OPEN,
            errors("payment", T0),
            slow("checkout", T0 + 3)));
    recorder.accept(
        event(Type.RESOLVED, T0 + 40, "e1", IncidentState.RESOLVED, errors("payment", T0)));

    IncidentRecord stored = only();
    assertThat(stored.id()).isEqualTo("inc-20261207-0001");
    assertThat(stored.stage()).isEqualTo(Stage.RESOLVED);
    assertThat(stored.timeline())
        .extracting(IncidentRecord.Change::stage)
        .containsExactly(Stage.OPEN, Stage.RESOLVED);
    io.rehearsal.proto.v1.Incident payload = IncidentProtos.parse(stored);
    assertThat(payload.getServicesList()).containsExactly("checkout", "payment");
    assertThat(payload.getSymptomsList())
        .extracting(s -> s.getMetric())
        .containsExactly(MetricKind.METRIC_KIND_ERROR_RATE, MetricKind.METRIC_KIND_LATENCY_P99);
    assertThat(payload.getOnset().getSeconds()).isEqualTo(T0 - 6);
    assertThat(recorder.storeId("e1")).hasValue(stored.id());
  }

  @Test
  void shouldContinueTheStoredIncidentWhenARestartedDetectorDetectsItAgain() {
    recorder().accept(event(Type.OPENED, T0, "e1", IncidentState.OPEN, errors("payment", T0)));

    IncidentRecorder restarted = recorder();
    assertThat(restarted.resumed()).containsExactly("inc-20261207-0001");
    restarted.accept(
        event(Type.OPENED, T0 + 30, "e1", IncidentState.OPEN, slow("payment", T0 + 30)));

    IncidentRecord stored = only();
    assertThat(stored.id()).isEqualTo("inc-20261207-0001");
    assertThat(stored.stage()).isEqualTo(Stage.OPEN);
    assertThat(IncidentProtos.parse(stored).getSymptomsCount()).isEqualTo(2);
    assertThat(restarted.resumed()).isEmpty();
    restarted.accept(T0 * 1000 + GRACE.toMillis() * 5);
    assertThat(only().stage()).isEqualTo(Stage.OPEN);
  }

  @Test
  void shouldResolveAResumedIncidentWhenNothingJoinsItWithinTheGrace() {
    recorder().accept(event(Type.OPENED, T0, "e1", IncidentState.OPEN, errors("payment", T0)));

    IncidentRecorder restarted = recorder();
    long start = (T0 + 60) * 1000;
    restarted.accept(start);
    restarted.accept(start + GRACE.toMillis() - 1);
    assertThat(only().stage()).isEqualTo(Stage.OPEN);
    restarted.accept(start + GRACE.toMillis());

    IncidentRecord stored = only();
    assertThat(stored.stage()).isEqualTo(Stage.RESOLVED);
    assertThat(stored.timeline().get(1).reason()).contains("after a detector restart");
    assertThat(restarted.resumed()).isEmpty();
  }

  @Test
  void shouldReopenTheSameIncidentWhenItsServiceFiresAgainWithinTheFlapWindow() {
    IncidentRecorder recorder = recorder();
    recorder.accept(event(Type.OPENED, T0, "e1", IncidentState.OPEN, errors("payment", T0)));
    recorder.accept(
        event(Type.RESOLVED, T0 + 40, "e1", IncidentState.RESOLVED, errors("payment", T0)));
    long later = T0 + 40 + FLAP.toSeconds() - 1;

    recorder()
        .accept(event(Type.OPENED, later, "e7", IncidentState.OPEN, errors("payment", later)));

    IncidentRecord stored = only();
    assertThat(stored.stage()).isEqualTo(Stage.OPEN);
    assertThat(stored.reopened()).isEqualTo(1);
    assertThat(stored.timeline())
        .extracting(IncidentRecord.Change::stage)
        .containsExactly(Stage.OPEN, Stage.RESOLVED, Stage.OPEN);
  }

  @Test
  void shouldOpenASecondIncidentWhenTheServiceFiresAfterTheFlapWindow() {
    IncidentRecorder recorder = recorder();
    recorder.accept(event(Type.OPENED, T0, "e1", IncidentState.OPEN, errors("payment", T0)));
    recorder.accept(
        event(Type.RESOLVED, T0 + 40, "e1", IncidentState.RESOLVED, errors("payment", T0)));
    long later = T0 + 41 + FLAP.toSeconds();

    recorder.accept(event(Type.OPENED, later, "e2", IncidentState.OPEN, errors("payment", later)));

    assertThat(lifecycle.recent(10))
        .extracting(IncidentRecord::id)
        .containsExactly("inc-20261207-0002", "inc-20261207-0001");
  }
}
