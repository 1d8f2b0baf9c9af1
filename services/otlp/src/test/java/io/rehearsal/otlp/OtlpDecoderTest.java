package io.rehearsal.otlp;

import static io.rehearsal.otlp.Requests.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpDecoderTest {

  private final OtlpDecoder decoder = new OtlpDecoder(64 * 1024);
  private final ExportTraceServiceRequest request =
      Requests.traces("cart", span(1, 1, "GET /cart", SpanKind.SPAN_KIND_SERVER).build());

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void shouldDecodeProtobufWhenPlainOrGzipped() throws Exception {
    assertThat(decoder.traces(request.toByteArray(), OtlpFormat.PROTOBUF, false))
        .isEqualTo(request);
    assertThat(decoder.traces(gzip(request.toByteArray()), OtlpFormat.PROTOBUF, true))
        .isEqualTo(request);
  }

  @Test
  void shouldDecodeJsonWhenGzipped() throws Exception {
    byte[] json = "{\"resourceMetrics\":[{\"resource\":{}}]}".getBytes(StandardCharsets.UTF_8);

    ExportMetricsServiceRequest metrics = decoder.metrics(gzip(json), OtlpFormat.JSON, true);

    assertThat(metrics.getResourceMetricsCount()).isEqualTo(1);
  }

  @Test
  void shouldRefuseGzipBombAsTooLargeWhenItInflatesPastTheLimit() throws Exception {
    byte[] bomb = gzip(new byte[10 * 1024 * 1024]);

    OtlpPayloadException error =
        catchThrowableOfType(
            OtlpPayloadException.class, () -> decoder.traces(bomb, OtlpFormat.PROTOBUF, true));

    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThat(error.problem()).isEqualTo(OtlpPayloadException.Problem.TOO_LARGE);
    assertThat(error.getMessage()).contains("65536 bytes");
  }

  @Test
  void shouldRefuseOversizedBodyWhenNotCompressed() {
    OtlpPayloadException error =
        catchThrowableOfType(
            OtlpPayloadException.class,
            () -> decoder.traces(new byte[70_000], OtlpFormat.PROTOBUF, false));

    assertThat(error.problem()).isEqualTo(OtlpPayloadException.Problem.TOO_LARGE);
  }

  @Test
  void shouldReportMalformedWhenBodyIsNotProtobuf() {
    byte[] garbage = {(byte) 0x0a, (byte) 0xff, 0x01};

    OtlpPayloadException error =
        catchThrowableOfType(
            OtlpPayloadException.class, () -> decoder.traces(garbage, OtlpFormat.PROTOBUF, false));

    assertThat(error.problem()).isEqualTo(OtlpPayloadException.Problem.MALFORMED);
    assertThat(error.getMessage()).startsWith("body is not valid protobuf");
  }

  @Test
  void shouldReportMalformedWhenGzipIsBroken() {
    OtlpPayloadException error =
        catchThrowableOfType(
            OtlpPayloadException.class,
            () -> decoder.traces(new byte[] {1, 2, 3}, OtlpFormat.PROTOBUF, true));

    assertThat(error.problem()).isEqualTo(OtlpPayloadException.Problem.MALFORMED);
    assertThat(error.getMessage()).startsWith("body is not valid gzip");
  }

  @Test
  void shouldEncodeResponseInRequestFormatWhenAnswering() throws Exception {
    ExportTraceServiceResponse response =
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(
                ExportTracePartialSuccess.newBuilder().setRejectedSpans(2).setErrorMessage("x"))
            .build();

    String json = new String(OtlpDecoder.encode(response, OtlpFormat.JSON), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo("{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"x\"}}");
    assertThat(
            ExportTraceServiceResponse.parseFrom(OtlpDecoder.encode(response, OtlpFormat.PROTOBUF)))
        .isEqualTo(response);
  }
}
