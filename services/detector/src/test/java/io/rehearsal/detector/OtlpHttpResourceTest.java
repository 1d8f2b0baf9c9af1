package io.rehearsal.detector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.detector.ingest.TelemetryWindows;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OtlpHttpResourceTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  @TestHTTPResource("/v1/traces")
  URL tracesUrl;

  @Inject TelemetryWindows windows;
  @Inject MeterRegistry registry;

  /** An OTLP/JSON request as an SDK writes it: hex ids, string int64s, enum as integer. */
  private static String jsonTraces(String service, String spanId, long endNanos) {
    return """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
         "scopeSpans":[{"scope":{"name":"t"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",
         "spanId":"%s","name":"GET /json","kind":2,
         "startTimeUnixNano":"%d","endTimeUnixNano":"%d",
         "attributes":[{"key":"http.request.method","value":{"stringValue":"POST"}},
                       {"key":"http.route","value":{"stringValue":"/orders"}}]}]}]}]}
        """
        .formatted(service, spanId, endNanos - 3_000_000, endNanos);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void shouldAcceptJsonAndAnswerJsonWhenPostedRaw() throws Exception {
    String service = TestRequests.service("http-json");
    given()
        .contentType(JSON)
        .body(jsonTraces(service, "eee19b7ec3c1b174", TestRequests.nowNanos()))
        .post("/v1/traces")
        .then()
        .statusCode(200)
        .contentType(startsWith(JSON))
        .body(equalTo("{}"));

    WindowsProbe probe = new WindowsProbe(windows, registry);
    assertThat(probe.awaitRequests(service, 1)).isEqualTo(1);
    assertThat(probe.endpoints(service).get(0).endpoint()).isEqualTo("POST /orders");
  }

  @Test
  void shouldReportPartialSuccessInJsonWhenSpanIdIsNotHex() {
    given()
        .contentType(JSON)
        .body(jsonTraces("http-json-bad", "nothex", TestRequests.nowNanos()))
        .post("/v1/traces")
        .then()
        .statusCode(200)
        .body("partialSuccess.rejectedSpans", equalTo("1"))
        .body("partialSuccess.errorMessage", containsString("spans[0]: spanId must be 8 bytes"));
  }

  @Test
  void shouldAcceptGzippedProtobufAndAnswerProtobufWhenPostedRaw() throws Exception {
    String service = TestRequests.service("http-gzip");
    byte[] body = gzip(TestRequests.traces(service, 4).toByteArray());

    Response response =
        given()
            .contentType(PROTOBUF)
            .header("Content-Encoding", "gzip")
            .body(body)
            .post("/v1/traces");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith(PROTOBUF);
    assertThat(ExportTraceServiceResponse.parseFrom(response.asByteArray()))
        .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(new WindowsProbe(windows, registry).awaitRequests(service, 4)).isEqualTo(4);
  }

  @Test
  void shouldAnswerBadRequestWithStatusWhenJsonIsMalformed() {
    given()
        .contentType(JSON)
        .body("{\"resourceSpans\": [")
        .post("/v1/traces")
        .then()
        .statusCode(400)
        .contentType(startsWith(JSON))
        .body("code", equalTo(3))
        .body("message", startsWith("body is not valid OTLP/JSON"));
  }

  @Test
  void shouldAnswerBadRequestWithProtobufStatusWhenProtobufIsMalformed() throws Exception {
    Response response =
        given().contentType(PROTOBUF).body(new byte[] {0x0a, (byte) 0xff, 1}).post("/v1/metrics");

    assertThat(response.statusCode()).isEqualTo(400);
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(response.asByteArray());
    assertThat(status.getCode()).isEqualTo(com.google.rpc.Code.INVALID_ARGUMENT_VALUE);
    assertThat(status.getMessage()).startsWith("body is not valid protobuf");
  }

  @Test
  void shouldAnswerUnsupportedMediaTypeWhenContentTypeOrEncodingIsUnknown() {
    given().contentType("text/plain").body("hi").post("/v1/traces").then().statusCode(415);
    given()
        .contentType(PROTOBUF)
        .header("Content-Encoding", "br")
        .body(new byte[0])
        .post("/v1/traces")
        .then()
        .statusCode(415)
        .body(containsString("Content-Encoding"));
  }

  @Test
  void shouldAnswerPayloadTooLargeWhenBodyOrInflatedBodyExceedsLimit() throws Exception {
    HttpResponse<String> oversized =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(tracesUrl.toURI())
                    .expectContinue(true)
                    .header("Content-Type", PROTOBUF)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024]))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(oversized.statusCode()).isEqualTo(413);

    byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
    Response response =
        given()
            .contentType(PROTOBUF)
            .header("Content-Encoding", "gzip")
            .body(bomb)
            .post("/v1/traces");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(com.google.rpc.Status.parseFrom(response.asByteArray()).getMessage())
        .contains("decompressed body exceeds");
  }

  @Test
  void shouldAcceptJsonMetricsWhenPostedRaw() {
    String json =
        """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"http-metrics"}}]},
         "scopeMetrics":[{"metrics":[{"name":"cpu","gauge":{"dataPoints":[{"timeUnixNano":"%d","asDouble":0.5}]}}]}]}]}
        """
            .formatted(TestRequests.nowNanos());

    given()
        .contentType(JSON)
        .body(json.getBytes(StandardCharsets.UTF_8))
        .post("/v1/metrics")
        .then()
        .statusCode(200)
        .body(equalTo("{}"));
  }
}
