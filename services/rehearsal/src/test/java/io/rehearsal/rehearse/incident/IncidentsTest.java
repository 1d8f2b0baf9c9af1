package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentsTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;
  private final List<Span> spans = new ArrayList<>();
  private long nextId = 1;
  private long nextTrace = 1;

  @Test
  void shouldMeasureACallByItsClientSpanWhenTheCalleeQueued() {
    // 1 s buckets from the onset at 1000 ms; the catalog queued 30 ms before its SERVER span
    request(1100, 1200, 1110, 1180, 1150, false);
    Symptoms s = Incidents.fromRecording(recording(), T0 + 1000 * MS, 2, 1);
    assertThat(s.names()).containsExactly("catalog/GET /items", "front/GET /");
    SymptomPoint catalog = s.endpoints().get(0).points().get(0);
    assertThat(catalog.p50()).isEqualTo(0.07, within(1e-9));
    assertThat(catalog.throughput()).isEqualTo(1.0);
    assertThat(s.endpoints().get(1).points().get(0).p50()).isEqualTo(0.1, within(1e-9));
  }

  @Test
  void shouldCountARequestInTheBucketItCompletedInWhenItSpansTwo() {
    request(1900, 2100, 1910, 2080, 1950, false);
    Symptoms s = Incidents.fromRecording(recording(), T0 + 1000 * MS, 2, 1);
    assertThat(s.endpoints().get(1).points())
        .extracting(SymptomPoint::throughput)
        .containsExactly(0.0, 1.0);
  }

  @Test
  void shouldReportErrorsAndNanLatencyWhenEveryRequestFailed() {
    request(1100, 1200, 1110, 1180, 1150, true);
    SymptomPoint front =
        Incidents.fromRecording(recording(), T0 + 1000 * MS, 1, 1)
            .endpoints()
            .get(1)
            .points()
            .get(0);
    assertThat(front.errorRate()).isEqualTo(1.0);
    assertThat(front.p50()).isNaN();
  }

  @Test
  void shouldGiveEmptyBucketsWhenARequestedEndpointWasNeverSeen() {
    request(1100, 1200, 1110, 1180, 1150, false);
    Symptoms s =
        Incidents.fromRecording(recording(), T0 + 1000 * MS, 1, 1, List.of("cart/GET /cart"));
    assertThat(s.endpoints().get(0).points().get(0).throughput()).isZero();
  }

  @Test
  void shouldAverageTheBaselineOverThePeriodBeforeTheOnsetWhenExtracting() {
    for (int i = 0; i < 10; i++) {
      request(100 * i, 100 * i + 20, 100 * i + 2, 100 * i + 18, 100 * i + 5, false);
    }
    request(1100, 1400, 1110, 1380, 1150, false);
    IncidentLabel label = new IncidentLabel("latency", "catalog", null, 50);
    Incident incident =
        Incidents.extract("inc-1", "t", recording(), T0 + 1000 * MS, 1, 1, 1, label);
    Map<String, SymptomPoint> base = incident.baseline();
    assertThat(base.get("front/GET /").throughput()).isEqualTo(10.0);
    assertThat(base.get("front/GET /").p50()).isEqualTo(0.02, within(1e-9));
    assertThat(incident.onsetEpochMs()).isEqualTo(T0 / MS + 1000);
    assertThat(incident.symptoms().endpoints().get(1).points().get(0).p50())
        .isEqualTo(0.3, within(1e-9));
  }

  @Test
  void shouldRejectAWindowWhenItIsNotAMultipleOfTheBucket() {
    request(1100, 1200, 1110, 1180, 1150, false);
    assertThatThrownBy(() -> Incidents.fromRecording(recording(), T0, 2.5, 1))
        .hasMessageContaining("2.5");
  }

  @Test
  void shouldSeriesADependencyByItsCallersAttemptsInTheBucketTheyStartedIn() {
    long trace = nextTrace++;
    long root = nextId++;
    spans.add(span(trace, root, 0, "front", "GET /", SpanKind.SERVER, 1000, 2300, false, ""));
    spans.add(
        span(trace, nextId++, root, "front", "POST /", SpanKind.CLIENT, 1900, 2100, false, "gw"));
    spans.add(
        new Span(
            0,
            trace,
            nextId++,
            root,
            "front",
            "POST /",
            "POST /",
            SpanKind.CLIENT,
            T0 + 2150 * MS,
            T0 + 2160 * MS,
            false,
            429,
            "gw"));
    Symptoms s = Incidents.fromRecording(recording(), T0 + 1000 * MS, 2, 1);
    List<SymptomPoint> gateway = s.endpoints().get(s.names().indexOf("gw")).points();
    // the 200 ms call started in the first bucket and counts there; the 429 is a failure
    assertThat(gateway.get(0).throughput()).isEqualTo(1.0);
    assertThat(gateway.get(0).p50()).isEqualTo(0.2, within(1e-9));
    assertThat(gateway.get(1).errorRate()).isEqualTo(1.0);
    assertThat(gateway.get(1).p50()).isNaN();
  }

  private Recording recording() {
    return Recording.of(spans, List.of());
  }

  /**
   * front/GET / from..to calls catalog (client c0..c1, server starting at s0 and ending at c1-2).
   */
  private void request(long from, long to, long c0, long c1, long s0, boolean error) {
    long trace = nextTrace++;
    long root = nextId++;
    long client = nextId++;
    spans.add(span(trace, root, 0, "front", "GET /", SpanKind.SERVER, from, to, error, ""));
    spans.add(
        span(
            trace, client, root, "front", "GET /items", SpanKind.CLIENT, c0, c1, error, "catalog"));
    spans.add(
        span(
            trace,
            nextId++,
            client,
            "catalog",
            "GET /items",
            SpanKind.SERVER,
            s0,
            c1 - 2,
            error,
            ""));
  }

  private static Span span(
      long trace,
      long id,
      long parent,
      String service,
      String name,
      SpanKind kind,
      long from,
      long to,
      boolean error,
      String peer) {
    return new Span(
        0,
        trace,
        id,
        parent,
        service,
        name,
        name,
        kind,
        T0 + from * MS,
        T0 + to * MS,
        error,
        error ? 500 : 200,
        peer);
  }
}
