package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceIndexTest {
  private static final long MS = 1_000_000L;
  private final List<Span> spans = new ArrayList<>();

  @Test
  void shouldMergeARetryIntoOneCallWhenItFollowsAFailedAttempt() {
    server(1, 0, "front", "GET /", 0, 100);
    client(2, 1, "front", "GET /items", "catalog", 10, 20, 503);
    client(3, 1, "front", "GET /items", "catalog", 25, 60, 200);
    server(4, 3, "catalog", "GET /items", 27, 58);
    ServedRequest front = request("front/GET /");
    assertThat(front.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.target()).isEqualTo("catalog/GET /items");
              assertThat(c.attempts()).hasSize(2);
              assertThat(c.failed()).isFalse();
            });
  }

  @Test
  void shouldKeepTwoCallsWhenTheFirstSucceeded() {
    server(1, 0, "front", "GET /", 0, 100);
    client(2, 1, "front", "GET /items", "catalog", 10, 20, 200);
    server(3, 2, "catalog", "GET /items", 11, 19);
    client(4, 1, "front", "GET /items", "catalog", 25, 60, 200);
    server(5, 4, "catalog", "GET /items", 27, 58);
    assertThat(request("front/GET /").calls()).hasSize(2);
  }

  @Test
  void shouldAttributeAnUnansweredAttemptToTheEndpointItsPeerAndNameLeadTo() {
    server(1, 0, "front", "GET /", 0, 100);
    client(2, 1, "front", "GET /items", "catalog", 10, 20, 200);
    server(3, 2, "catalog", "GET /items", 11, 19);
    server(11, 0, "front", "GET /", 200, 300);
    client(12, 11, "front", "GET /items", "catalog", 210, 211, 503);
    Call rejected =
        requests().stream()
            .filter(r -> r.span().spanId() == 11)
            .findFirst()
            .orElseThrow()
            .calls()
            .get(0);
    assertThat(rejected.target()).isEqualTo("catalog/GET /items");
    assertThat(rejected.external()).isFalse();
    assertThat(rejected.attempts().get(0).answered()).isFalse();
  }

  @Test
  void shouldTreatAPeerNobodyAnsweredAsAnExternalDependency() {
    server(1, 0, "payment", "POST /pay", 0, 100);
    client(2, 1, "payment", "POST /charge", "payment-gateway", 10, 60, 200);
    TraceIndex index = TraceIndex.of(Recording.of(spans, List.of()));
    assertThat(index.dependencies()).containsExactly("payment-gateway");
    assertThat(request("payment/POST /pay").calls().get(0).external()).isTrue();
  }

  @Test
  void shouldFindTheRequestAboveThroughInternalSpans() {
    server(1, 0, "front", "GET /", 0, 100);
    spans.add(
        new Span(
            0, 7, 2, 1, "front", "render", "render", SpanKind.INTERNAL, t(5), t(90), false, 0, ""));
    client(3, 2, "front", "GET /cart", "cart", 10, 30, 200);
    server(4, 3, "cart", "GET /cart", 12, 28);
    assertThat(request("front/GET /").calls())
        .extracting(Call::target)
        .containsExactly("cart/GET /cart");
    assertThat(request("front/GET /").calls().get(0).attempts().get(0).outsideServerSeconds())
        .isEqualTo(0.004);
  }

  private ServedRequest request(String endpoint) {
    return requests().stream().filter(r -> r.endpoint().equals(endpoint)).findFirst().orElseThrow();
  }

  private List<ServedRequest> requests() {
    return TraceIndex.of(Recording.of(spans, List.of())).requests();
  }

  private void server(long id, long parent, String service, String endpoint, long from, long to) {
    spans.add(
        new Span(
            0,
            7,
            id,
            parent,
            service,
            endpoint,
            endpoint,
            SpanKind.SERVER,
            t(from),
            t(to),
            false,
            200,
            ""));
  }

  private void client(
      long id,
      long parent,
      String service,
      String name,
      String peer,
      long from,
      long to,
      int status) {
    spans.add(
        new Span(
            0,
            7,
            id,
            parent,
            service,
            name,
            name,
            SpanKind.CLIENT,
            t(from),
            t(to),
            status >= 400,
            status,
            peer));
  }

  private static long t(long ms) {
    return SyntheticTraces.T0 + ms * MS;
  }
}
