package io.rehearsal.shop.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.rehearsal.shop.OtlpJsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryTest {
  @TempDir Path dir;

  private static String resourceAttribute(ResourceSpans rs, String key) {
    return rs.getResource().getAttributesList().stream()
        .filter(kv -> kv.getKey().equals(key))
        .map(KeyValue::getValue)
        .map(v -> v.getStringValue())
        .findFirst()
        .orElse("");
  }

  private static String[] parentAndChild(Telemetry telemetry) {
    Tracer tracer = telemetry.api().getTracer("test");
    Span parent = tracer.spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      tracer.spanBuilder("GET /stock").setSpanKind(SpanKind.CLIENT).startSpan().end();
    }
    parent.end();
    return new String[] {parent.getSpanContext().getTraceId(), parent.getSpanContext().getSpanId()};
  }

  @Test
  void shouldWriteLinesThatParseAsOtlpExportRequestsWhenExportingToFiles() throws Exception {
    Telemetry telemetry =
        Telemetry.create(
            new Telemetry.Settings("catalog", "catalog-2", dir, null, Duration.ofMillis(100)));
    AutoCloseable cpu = ProcessMetrics.register(telemetry.api().getMeter("test"));
    String[] ids = parentAndChild(telemetry);
    Thread.sleep(300);
    cpu.close();
    telemetry.close();

    List<String> spanLines = Files.readAllLines(dir.resolve("catalog-2.spans.jsonl"));
    ExportTraceServiceRequest traces = OtlpJsonLines.traces(spanLines.get(0));
    ResourceSpans rs = traces.getResourceSpans(0);
    assertThat(resourceAttribute(rs, "service.name")).isEqualTo("catalog");
    assertThat(resourceAttribute(rs, "service.instance.id")).isEqualTo("catalog-2");
    var spans = rs.getScopeSpans(0).getSpansList();
    assertThat(spans).hasSize(2);
    var child =
        spans.stream().filter(s -> s.getName().equals("GET /stock")).findFirst().orElseThrow();
    assertThat(HexFormat.of().formatHex(child.getTraceId().toByteArray())).isEqualTo(ids[0]);
    assertThat(HexFormat.of().formatHex(child.getParentSpanId().toByteArray())).isEqualTo(ids[1]);
    assertThat(child.getKind().getNumber()).isEqualTo(3);

    List<String> metricLines = Files.readAllLines(dir.resolve("catalog-2.metrics.jsonl"));
    ExportMetricsServiceRequest metrics = OtlpJsonLines.metrics(metricLines.get(0));
    assertThat(
            metrics.getResourceMetrics(0).getScopeMetrics(0).getMetricsList().stream()
                .map(m -> m.getName())
                .collect(Collectors.toSet()))
        .contains("process.cpu.time", "process.cpu.utilization");
  }

  @Test
  void shouldExportSpansOverOtlpGrpcWhenEndpointIsSet() throws Exception {
    List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
    Server receiver =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> response) {
                    received.add(request);
                    response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    response.onCompleted();
                  }
                })
            .build()
            .start();
    try {
      String endpoint = "http://127.0.0.1:" + receiver.getPort();
      Telemetry telemetry =
          Telemetry.create(
              new Telemetry.Settings("cart", "cart-1", null, endpoint, Duration.ofSeconds(60)));
      parentAndChild(telemetry);
      telemetry.close();

      assertThat(received).isNotEmpty();
      assertThat(resourceAttribute(received.get(0).getResourceSpans(0), "service.name"))
          .isEqualTo("cart");
      assertThat(received.get(0).getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(2);
    } finally {
      receiver.shutdownNow();
    }
  }
}
