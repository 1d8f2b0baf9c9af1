package io.rehearsal.otlp;

import static io.rehearsal.otlp.Requests.T0;
import static io.rehearsal.otlp.Requests.attribute;
import static io.rehearsal.otlp.Requests.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import io.rehearsal.telemetry.Span;
import org.junit.jupiter.api.Test;

class SpanMapperTest {

  @Test
  void shouldBuildEndpointFromMethodAndRouteWhenServerSpan() {
    var request =
        Requests.traces(
            "cart",
            span(7, 1, "GET /cart/{id}", SpanKind.SPAN_KIND_SERVER)
                .addAttributes(attribute("http.request.method", "GET"))
                .addAttributes(attribute("http.route", "/cart/{id}"))
                .addAttributes(attribute("http.response.status_code", 503))
                .build());

    Span span = SpanMapper.map(request).accepted().get(0);

    assertThat(span.endpoint()).isEqualTo("GET /cart/{id}");
    assertThat(span.service()).isEqualTo("cart");
    assertThat(span.httpStatus()).isEqualTo(503);
    assertThat(span.error()).as("5xx with unset status is a server error").isTrue();
    assertThat(span.traceIdLow()).isEqualTo(7);
    assertThat(span.spanId()).isEqualTo(1);
    assertThat(span.isRoot()).isTrue();
    assertThat(span.durationNanos()).isEqualTo(5_000_000);
  }

  @Test
  void shouldTakePeerServiceThenServerAddressWhenClientSpan() {
    var request =
        Requests.traces(
            "front",
            span(1, 2, "GET", SpanKind.SPAN_KIND_CLIENT)
                .setParentSpanId(Requests.spanId(1))
                .addAttributes(attribute("server.address", "10.0.0.7"))
                .addAttributes(attribute("peer.service", "cart"))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR))
                .build(),
            span(1, 3, "GET", SpanKind.SPAN_KIND_CLIENT)
                .addAttributes(attribute("server.address", "psp.example.com"))
                .build());

    var spans = SpanMapper.map(request).accepted();

    assertThat(spans).extracting(Span::peer).containsExactly("cart", "psp.example.com");
    assertThat(spans.get(0).parentSpanId()).isEqualTo(1);
    assertThat(spans.get(0).error()).isTrue();
    assertThat(spans.get(0).kind()).isEqualTo(io.rehearsal.telemetry.SpanKind.CLIENT);
  }

  @Test
  void shouldRejectInvalidSpansNamingTheirPathsWhenOthersAreValid() {
    var request =
        Requests.traces(
            "cart",
            span(1, 1, "ok", SpanKind.SPAN_KIND_SERVER).build(),
            span(1, 2, "late", SpanKind.SPAN_KIND_SERVER).setEndTimeUnixNano(T0 - 1).build(),
            span(1, 3, "zero", SpanKind.SPAN_KIND_SERVER)
                .setTraceId(ByteString.copyFrom(new byte[16]))
                .build(),
            span(1, 4, "short", SpanKind.SPAN_KIND_SERVER)
                .setParentSpanId(ByteString.copyFrom(new byte[3]))
                .build());

    Mapped<Span> mapped = SpanMapper.map(request);

    assertThat(mapped.accepted()).hasSize(1);
    assertThat(mapped.rejected()).isEqualTo(3);
    assertThat(mapped.reasons())
        .containsExactly(
            "resourceSpans[0].scopeSpans[0].spans[1]: endTimeUnixNano "
                + (T0 - 1)
                + " is before startTimeUnixNano "
                + T0,
            "resourceSpans[0].scopeSpans[0].spans[2]: traceId must be 16 bytes, not all zeros, but was 16 bytes '"
                + "0".repeat(32)
                + "'",
            "resourceSpans[0].scopeSpans[0].spans[3]: parentSpanId must be empty or 8 bytes other than spanId, but was 3 bytes '000000'");
    assertThat(mapped.errorMessage("spans")).startsWith("rejected 3 of 4 spans: ");
  }

  @Test
  void shouldRejectAllSpansOfResourceWhenServiceNameIsMissing() {
    var request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(span(1, 1, "a", SpanKind.SPAN_KIND_SERVER))
                            .addSpans(span(1, 2, "b", SpanKind.SPAN_KIND_SERVER))))
            .build();

    Mapped<Span> mapped = SpanMapper.map(request);

    assertThat(mapped.accepted()).isEmpty();
    assertThat(mapped.rejected()).isEqualTo(2);
    assertThat(mapped.reasons())
        .containsExactly("resourceSpans[0]: resource has no service.name; its 2 spans");
    assertThat(SpanMapper.count(request)).isEqualTo(2);
  }

  @Test
  void shouldKeepFirstFiveReasonsAndCountTheRestWhenManyAreRejected() {
    var builder = span(1, 1, "x", SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(0);
    var spans = new io.opentelemetry.proto.trace.v1.Span[8];
    java.util.Arrays.fill(spans, builder.build());

    Mapped<Span> mapped = SpanMapper.map(Requests.traces("cart", spans));

    assertThat(mapped.reasons()).hasSize(Mapped.MAX_REASONS);
    assertThat(mapped.errorMessage("spans")).endsWith("(and 3 more)");
  }
}
