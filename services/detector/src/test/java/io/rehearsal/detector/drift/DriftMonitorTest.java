package io.rehearsal.detector.drift;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.detector.incident.IncidentBeans;
import io.rehearsal.service.testing.ServiceProbe;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.TwinEvent;
import io.rehearsal.store.TwinFidelityRecord;
import io.rehearsal.store.TwinStaleness;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real detector (1 s windows, drift checked every 500 ms over the last 8 s) against a twin it
 * holds as current in the real store: spans sent over OTLP/gRPC that behave like the twin leave it
 * fresh; the same load three times slower marks it stale (field, event, metric). Every measurement
 * is kept as the snapshot's latest fidelity, fresh or not.
 */
@QuarkusTest
class DriftMonitorTest {

  private static final double P50 = 0.020;
  private static final double P99 = 0.060;
  private static final int RATE = 200;
  private static final int SECONDS = 3;

  @Inject DriftMonitor monitor;
  @Inject RedisStore store;
  @Inject IncidentBeans incidents;

  private final String service = "drift-" + Long.toString(System.nanoTime() & 0xffffffL, 36);
  private final Random random = new Random(42);
  private SnapshotId twin;

  /** Incidents other test classes left live would pause every check: resolve them first. */
  @BeforeEach
  void resolveLiveIncidents() {
    IncidentLifecycle lifecycle = incidents.lifecycle();
    for (IncidentRecord live : lifecycle.live()) {
      lifecycle.write(
          live.id(),
          live.revision(),
          IncidentLifecycle.Stage.RESOLVED,
          Optional.empty(),
          System.currentTimeMillis(),
          "resolved before the drift test");
    }
  }

  @AfterEach
  void forgetTwin() {
    // Later test classes run against the same Redis: leave them no current twin of ours to check.
    if (twin != null) {
      SnapshotId idle =
          store
              .twinSnapshots()
              .put(TwinSpecs.toJson(spec("idle-" + service)).getBytes(StandardCharsets.UTF_8));
      store.twinSnapshots().setCurrent(idle);
    }
  }

  @Test
  void shouldKeepTheTwinFreshWhenLiveLatencyMatchesAndMarkItStaleWhenThreeTimesSlower()
      throws Exception {
    long testStart = System.currentTimeMillis();
    twin =
        store.twinSnapshots().put(TwinSpecs.toJson(spec(service)).getBytes(StandardCharsets.UTF_8));
    store.twinSnapshots().setCurrent(twin);

    long matchingStart = send(1.0);
    DriftCheck matching = await(c -> covers(c, matchingStart));
    double matchingDrift = matching.report().orElseThrow().value("p99_mape");
    String figures =
        String.format(
            Locale.ROOT,
            "DRIFT matching: p50_mape %.3f p99_mape %.3f throughput_mape %.3f",
            matching.report().get().value("p50_mape"),
            matchingDrift,
            matching.report().get().value("throughput_mape"));
    assertThat(matching.report().get().endpoints().get(0).observedRequests())
        .as("requests observed; %s", figures)
        .isEqualTo((long) RATE * SECONDS);
    assertThat(matchingDrift).as("%s", figures).isLessThan(0.4);
    assertThat(matching.stale()).isFalse();
    assertThat(store.twinSnapshots().staleness(twin)).isEmpty();
    assertThat(gauge("rehearsal_twin_stale")).isEqualTo(0.0);
    TwinFidelityRecord fresh = store.twinSnapshots().fidelity(twin).orElseThrow();
    assertThat(fresh.p99Mape()).isLessThan(0.4);
    assertThat(fresh.p50Mape()).isLessThan(0.4);
    assertThat(fresh.throughputMape()).isLessThan(0.4);
    assertThat(fresh.measuredAtMillis()).isGreaterThanOrEqualTo(testStart);

    long slowStart = send(3.0);
    DriftCheck slow = await(c -> covers(c, slowStart) && c.stale());
    double slowDrift = slow.report().orElseThrow().value("p99_mape");
    assertThat(slowDrift)
        .as("DRIFT 3x slower: p99_mape (p50_mape %.3f)", slow.report().get().value("p50_mape"))
        .isGreaterThan(0.4);
    TwinStaleness staleness = store.twinSnapshots().staleness(twin).orElseThrow();
    assertThat(staleness.metric()).isEqualTo("p99_mape");
    assertThat(staleness.bound()).isEqualTo(0.4);
    assertThat(staleness.measured()).isGreaterThan(0.4);
    assertThat(staleness.reason()).contains("exceeds the bound 0.400");
    TwinFidelityRecord drifted = store.twinSnapshots().fidelity(twin).orElseThrow();
    assertThat(drifted.p99Mape()).isGreaterThan(0.4);
    assertThat(drifted.measuredAtMillis()).isGreaterThanOrEqualTo(staleness.atMillis());
    assertThat(store.twinSnapshots().events(20))
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(TwinEvent.Kind.STALE);
              assertThat(e.snapshot()).isEqualTo(twin);
            });
    assertThat(gauge("rehearsal_twin_stale")).isEqualTo(1.0);
    assertThat(gauge("rehearsal_twin_drift{metric=\"p99_mape\"}")).isGreaterThan(0.4);
  }

  @Test
  void shouldPauseWhileAnIncidentIsLiveAndJudgeAgainOnlyTheWindowsAfterItResolved()
      throws Exception {
    twin =
        store.twinSnapshots().put(TwinSpecs.toJson(spec(service)).getBytes(StandardCharsets.UTF_8));
    store.twinSnapshots().setCurrent(twin);
    IncidentLifecycle lifecycle = incidents.lifecycle();
    IncidentLifecycle.Opened opened =
        lifecycle.open(
            List.of("drift-test-" + service),
            new byte[0],
            System.currentTimeMillis(),
            Duration.ZERO,
            "a fault three times slower");

    long faultStart = send(3.0);
    DriftCheck paused =
        await(
            c ->
                c.outcome() == DriftCheck.Outcome.PAUSED_BY_INCIDENT
                    && c.windowStarts().contains(faultStart));
    assertThat(paused.stale()).isFalse();
    assertThat(store.twinSnapshots().staleness(twin)).isEmpty();
    assertThat(gauge("rehearsal_twin_stale")).isEqualTo(0.0);

    long faultEnd = faultStart + SECONDS * 1_000_000_000L;
    Thread.sleep(Math.max(0, faultEnd / 1_000_000L - System.currentTimeMillis() + 100));
    lifecycle.write(
        opened.id(),
        opened.revision(),
        IncidentLifecycle.Stage.RESOLVED,
        Optional.empty(),
        System.currentTimeMillis(),
        "fault gone");
    Thread.sleep(2100); // the next phase starts in a window after the resolution
    long driftStart = send(3.0);
    DriftCheck judged =
        await(
            c ->
                c.outcome() == DriftCheck.Outcome.MEASURED
                    && c.stale()
                    && c.report().get().toNanos() == driftStart + SECONDS * 1_000_000_000L);
    assertThat(judged.report().get().fromNanos())
        .as("windows of the incident are left out")
        .isGreaterThanOrEqualTo(faultEnd);
    assertThat(store.twinSnapshots().staleness(twin)).isPresent();
  }

  /** One service, one endpoint, lognormal self time, plenty of workers. */
  private static TwinSpec spec(String service) {
    return TwinSpec.builder("drift")
        .service(
            ServiceSpec.of(
                service, 64, EndpointSpec.of("GET /x", new Distribution.LogNormal(P50, P99))))
        .traffic(new TrafficSpec(service + "/GET /x", new ArrivalPattern.Poisson(RATE)))
        .build();
  }

  /**
   * Sends {@link #SECONDS} whole 1 s windows of root SERVER spans at {@link #RATE}/s, from the last
   * window (still open for 2 s more: the export has time) on, durations from the twin's lognormal
   * times {@code slowdown}.
   *
   * @return the first window's start, epoch nanoseconds
   */
  private long send(double slowdown) {
    long firstWindow = (Instant.now().getEpochSecond() - 1) * 1_000_000_000L;
    double sigma = (Math.log(P99) - Math.log(P50)) / 2.3263478740408408;
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < RATE * SECONDS; i++) {
      long end = firstWindow + (long) ((i + 0.5) * 1e9 / RATE);
      double seconds = slowdown * P50 * Math.exp(sigma * random.nextGaussian());
      scope.addSpans(span(end, (long) (seconds * 1e9)));
    }
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder().setResource(resource()).addScopeSpans(scope))
            .build();
    int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
    try (ServiceProbe probe = ServiceProbe.onPort(port)) {
      TraceServiceGrpc.newBlockingStub(probe.channel()).export(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return firstWindow;
  }

  private Span span(long endNanos, long durationNanos) {
    return Span.newBuilder()
        .setTraceId(
            ByteString.copyFrom(
                ByteBuffer.allocate(16)
                    .putLong(random.nextLong() | 1)
                    .putLong(random.nextLong())
                    .array()))
        .setSpanId(
            ByteString.copyFrom(ByteBuffer.allocate(8).putLong(random.nextLong() | 1).array()))
        .setName("GET /x")
        .setKind(Span.SpanKind.SPAN_KIND_SERVER)
        .setStartTimeUnixNano(endNanos - durationNanos)
        .setEndTimeUnixNano(endNanos)
        .build();
  }

  private Resource resource() {
    return Resource.newBuilder()
        .addAttributes(
            KeyValue.newBuilder()
                .setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue(service)))
        .build();
  }

  /** Whether a check measured exactly the windows of the phase that started at {@code start}. */
  private boolean covers(DriftCheck check, long start) {
    return check.report().isPresent()
        && check.report().get().fromNanos() == start
        && check.report().get().toNanos() == start + SECONDS * 1_000_000_000L;
  }

  private DriftCheck await(Predicate<DriftCheck> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DriftCheck check = monitor.last();
    while (!condition.test(check) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      check = monitor.last();
    }
    assertThat(condition).as("drift check covering the phase; last: %s", check).accepts(check);
    return check;
  }

  private static double gauge(String series) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith(series + " ") || l.startsWith(series.replace("}", ",")))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in /q/metrics"));
  }
}
