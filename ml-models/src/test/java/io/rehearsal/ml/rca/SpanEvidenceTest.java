package io.rehearsal.ml.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.IncidentState;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpanEvidenceTest {

  private static final long T0_MS = 1_800_000_000_000L;
  private static final long ONSET_S = T0_MS / 1000 + 30;

  private static final Incident INCIDENT =
      new Incident(
          "inc-1",
          IncidentState.OPEN,
          ONSET_S + 5,
          ONSET_S,
          ONSET_S + 5,
          -1,
          0,
          Set.of("frontend"),
          List.of());

  private static long ns(long ms) {
    return ms * 1_000_000L;
  }

  private static Span span(
      long trace, long id, long parent, String service, SpanKind kind, long from, long to) {
    return span(trace, id, parent, service, kind, from, to, false, 200, "");
  }

  private static Span span(
      long trace,
      long id,
      long parent,
      String service,
      SpanKind kind,
      long fromMs,
      long toMs,
      boolean error,
      int status,
      String peer) {
    String endpoint =
        kind == SpanKind.SERVER
            ? (service.equals("frontend") ? "GET /browse" : "GET /items")
            : "GET /items";
    return new Span(
        1,
        trace,
        id,
        parent,
        service,
        endpoint,
        endpoint,
        kind,
        ns(fromMs),
        ns(toMs),
        error,
        status,
        peer);
  }

  /**
   * Ten traces during the incident: frontend serves 100 ms and makes two overlapping calls to
   * catalog (10–60 and 40–80 ms, covered 70 ms: self time 30 ms); the second call is refused in
   * half the traces (no catalog span answers it, the call fails, so does the request).
   */
  private static List<Span> traces(long atMs) {
    List<Span> spans = new ArrayList<>();
    for (long t = 1; t <= 10; t++) {
      long at = atMs + t * 200;
      boolean refused = t % 2 == 0;
      spans.add(
          span(
              t,
              1,
              0,
              "frontend",
              SpanKind.SERVER,
              at,
              at + 100,
              refused,
              refused ? 502 : 200,
              ""));
      spans.add(
          span(t, 2, 1, "frontend", SpanKind.CLIENT, at + 10, at + 60, false, 200, "catalog"));
      spans.add(span(t, 3, 2, "catalog", SpanKind.SERVER, at + 12, at + 58));
      spans.add(
          span(
              t,
              4,
              1,
              "frontend",
              SpanKind.CLIENT,
              at + 40,
              at + 80,
              refused,
              refused ? 0 : 200,
              "catalog"));
      if (!refused) {
        spans.add(span(t, 5, 4, "catalog", SpanKind.SERVER, at + 42, at + 78));
      }
    }
    return spans;
  }

  @Test
  void shouldTakeCallsOutOfSelfTimeAndNameRefusedCallsWhenWalkingTraces() {
    RcaInput input = SpanEvidence.input(T0_MS, traces(ONSET_S * 1000 + 2_000), INCIDENT, "inc-1");

    EndpointStats frontend =
        input.endpoints().stream()
            .filter(e -> e.service().equals("frontend"))
            .findFirst()
            .orElseThrow();
    assertThat(frontend.during().requests()).isEqualTo(10);
    assertThat(frontend.during().selfMeanMs()).isCloseTo(30, within(1e-6));
    assertThat(frontend.during().errorRate()).isEqualTo(0.5);
    // Each failed request had a failed call: none failed on its own.
    assertThat(frontend.during().ownErrorRate()).isZero();
    assertThat(frontend.before().requests()).isZero();

    CallStats edge = input.calls().get(0);
    assertThat(edge.caller()).isEqualTo("frontend");
    assertThat(edge.callee()).isEqualTo("catalog");
    assertThat(edge.dependency()).isFalse();
    assertThat(edge.during().requests()).isEqualTo(20);
    assertThat(edge.during().ownErrorRate()).isEqualTo(0.25);
    assertThat(edge.routes()).containsExactly(new CallStats.Route("GET /browse", "GET /items"));
  }

  @Test
  void shouldLeaveOutSpansOutsideBothWindows() {
    RcaInput input = SpanEvidence.input(T0_MS, traces(ONSET_S * 1000 + 60_000), INCIDENT, "inc-1");
    assertThat(input.endpoints()).isEmpty();
    assertThat(input.calls()).isEmpty();
  }

  @Test
  void shouldCoverTheIncidentWindowFromTheOnset() {
    assertThat(SpanEvidence.coveredAt(INCIDENT))
        .isEqualTo((ONSET_S + SpanEvidence.DURING_SECONDS) * 1000);
  }
}
