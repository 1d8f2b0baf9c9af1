package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

class OtlpJsonTest {

  /** The span of the OTLP specification's JSON example, with hex ids in upper case. */
  private static final String SPEC_EXAMPLE =
      """
      {"resourceSpans":[{"resource":{"attributes":[
        {"key":"service.name","value":{"stringValue":"my.service"}}]},
       "scopeSpans":[{"scope":{"name":"my.library","version":"1.0.0"},
        "spans":[{"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174",
          "parentSpanId":"EEE19B7EC3C1B173","name":"I'm a server span",
          "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":1544712661000000000,
          "kind":2,"status":{"code":"STATUS_CODE_ERROR"},
          "attributes":[{"key":"my.span.attr","value":{"stringValue":"some value"}}],
          "someFutureField":{"x":[1,2]}}]}]}]}
      """;

  @Test
  void shouldReadHexIdsEnumsAndInt64sWhenParsingSpecExample() throws Exception {
    ExportTraceServiceRequest request = OtlpJson.traces(SPEC_EXAMPLE);

    Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId()).isEqualTo(hex("5b8efff798038103d269b633813fc60c"));
    assertThat(span.getSpanId()).isEqualTo(hex("eee19b7ec3c1b174"));
    assertThat(span.getParentSpanId()).isEqualTo(hex("eee19b7ec3c1b173"));
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1544712660000000000L);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1544712661000000000L);
  }

  @Test
  void shouldAcceptOriginalFieldNamesWhenSnakeCase() throws Exception {
    String json =
        "{\"resource_spans\":[{\"scope_spans\":[{\"spans\":[{\"trace_id\":\"0102\",\"name\":\"n\"}]}]}]}";

    Span span = OtlpJson.traces(json).getResourceSpans(0).getScopeSpans(0).getSpans(0);

    assertThat(span.getTraceId()).isEqualTo(hex("0102"));
  }

  @Test
  void shouldKeepRequestButSpoilIdWhenIdIsNotHex() throws Exception {
    String json = SPEC_EXAMPLE.replace("EEE19B7EC3C1B174", "not-a-hex-span!!");

    Span span = OtlpJson.traces(json).getResourceSpans(0).getScopeSpans(0).getSpans(0);

    assertThat(span.getSpanId().size()).isEqualTo(1);
    assertThat(SpanMapper.problem(span)).startsWith("spanId must be 8 bytes");
  }

  @Test
  void shouldReportMalformedWhenJsonIsBroken() {
    OtlpPayloadException error =
        catchThrowableOfType(
            OtlpPayloadException.class, () -> OtlpJson.traces("{\"resourceSpans\":[{]"));

    assertThat(error.problem()).isEqualTo(OtlpPayloadException.Problem.MALFORMED);
    assertThat(error.getMessage()).startsWith("body is not valid OTLP/JSON");
  }

  @Test
  void shouldReportMalformedWhenFieldHasWrongType() {
    OtlpPayloadException error =
        catchThrowableOfType(
            OtlpPayloadException.class, () -> OtlpJson.traces("{\"resourceSpans\":\"oops\"}"));

    assertThat(error.problem()).isEqualTo(OtlpPayloadException.Problem.MALFORMED);
  }

  @Test
  void shouldReportMalformedWhenDocumentIsNotAnObject() {
    assertThat(
            catchThrowableOfType(OtlpPayloadException.class, () -> OtlpJson.traces("[1]"))
                .getMessage())
        .contains("expected a JSON object");
  }

  private static com.google.protobuf.ByteString hex(String hex) {
    return com.google.protobuf.ByteString.fromHex(hex);
  }
}
