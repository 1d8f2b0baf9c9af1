package io.rehearsal.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.detector.ingest.TelemetryWindows;
import io.rehearsal.telemetry.CallEdge;
import io.rehearsal.telemetry.EndpointWindow;
import io.rehearsal.telemetry.LatencyHistogram;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The real OpenTelemetry Java SDK exporters, over loopback, against the running detector. */
@QuarkusTest
class OtlpSdkExportTest {

  private static final long MS = 1_000_000L;
  private static final int REQUESTS = 10;

  @Inject TelemetryWindows windows;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "quarkus.grpc.server.test-port")
  int grpcPort;

  @TestHTTPResource("/v1/traces")
  URL tracesUrl;

  @TestHTTPResource("/v1/metrics")
  URL metricsUrl;

  private String grpcEndpoint() {
    return "http://127.0.0.1:" + grpcPort;
  }

  @Test
  void shouldCountEverySpanAndStoreWindowsWhenSdkExportsOverGrpcWithGzip() throws Exception {
    assertShopTraffic(
        "sdk-grpc",
        service ->
            OtlpGrpcSpanExporter.builder()
                .setEndpoint(grpcEndpoint())
                .setCompression("gzip")
                .setTimeout(Duration.ofSeconds(10))
                .build());
  }

  @Test
  void shouldCountEverySpanAndStoreWindowsWhenSdkExportsOverHttpProtobuf() throws Exception {
    assertShopTraffic(
        "sdk-http",
        service ->
            OtlpHttpSpanExporter.builder()
                .setEndpoint(tracesUrl.toString())
                .setTimeout(Duration.ofSeconds(10))
                .build());
  }

  @Test
  void shouldKeepMetricSeriesWhenSdkExportsMetricsOverGrpcAndHttp() throws Exception {
    WindowsProbe probe = new WindowsProbe(windows, registry);
    double before = probe.counter("metric.points", "accepted");

    AtomicLong sent = new AtomicLong();
    String viaGrpc = TestRequests.service("sdk-metrics-grpc");
    String viaHttp = TestRequests.service("sdk-metrics-http");
    exportOrders(
        viaGrpc,
        counting(OtlpGrpcMetricExporter.builder().setEndpoint(grpcEndpoint()).build(), sent));
    exportOrders(
        viaHttp,
        counting(
            OtlpHttpMetricExporter.builder().setEndpoint(metricsUrl.toString()).build(), sent));

    assertThat(sent.get()).isGreaterThanOrEqualTo(2);
    assertThat(probe.counter("metric.points", "accepted") - before).isEqualTo(sent.get());
    for (String service : List.of(viaGrpc, viaHttp)) {
      double last =
          probe.await(
              () ->
                  windows.recent(1_000).stream()
                      .flatMap(w -> w.metrics().stream())
                      .filter(m -> m.service().equals(service) && m.name().equals("shop.orders"))
                      .mapToDouble(m -> m.last())
                      .max()
                      .orElse(0),
              v -> v > 0);
      assertThat(last).as(service).isEqualTo(7);
    }
  }

  /** Counts the data points of every export the detector acknowledged. */
  private static MetricExporter counting(MetricExporter exporter, AtomicLong points) {
    return new MetricExporter() {
      @Override
      public CompletableResultCode export(Collection<MetricData> metrics) {
        CompletableResultCode result = exporter.export(metrics).join(10, TimeUnit.SECONDS);
        if (result.isSuccess()) {
          points.addAndGet(metrics.stream().mapToLong(m -> m.getData().getPoints().size()).sum());
        }
        return result;
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return exporter.shutdown();
      }

      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType type) {
        return exporter.getAggregationTemporality(type);
      }
    };
  }

  private static void exportOrders(String service, MetricExporter exporter) {
    SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .setResource(resource(service))
            .registerMetricReader(
                PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
            .build();
    meters.get("shop").counterBuilder("shop.orders").build().add(7);
    assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    meters.shutdown().join(10, TimeUnit.SECONDS);
  }

  /**
   * Ten requests to {@code front GET /cart} of 10..100 ms; each calls {@code back GET /item} once
   * (a SERVER span in another process) and an external {@code cart-db} twice in parallel.
   */
  private void assertShopTraffic(String prefix, Function<String, SpanExporter> exporters)
      throws Exception {
    String front = TestRequests.service(prefix + "-front");
    String back = TestRequests.service(prefix + "-back");
    WindowsProbe probe = new WindowsProbe(windows, registry);
    double before = probe.counter("spans", "accepted");
    SdkTracerProvider frontTraces = tracerProvider(front, exporters.apply(front));
    SdkTracerProvider backTraces = tracerProvider(back, exporters.apply(back));

    long base = TestRequests.nowNanos() - 150 * MS;
    for (int i = 1; i <= REQUESTS; i++) {
      request(frontTraces.get("shop"), backTraces.get("shop"), base + i * MS, i * 10 * MS);
    }
    flush(frontTraces);
    flush(backTraces);

    assertThat(probe.counter("spans", "accepted") - before).isEqualTo(REQUESTS * 5);
    assertThat(probe.awaitRequests(front, REQUESTS)).isEqualTo(REQUESTS);
    assertThat(probe.awaitRequests(back, REQUESTS)).isEqualTo(REQUESTS);
    assertFrontLatencies(probe, front);
    assertEdges(probe.edges(front), back);
  }

  private static void assertFrontLatencies(WindowsProbe probe, String front) {
    // The histograms keep 2 significant digits: within 1%.
    LatencyHistogram latency = probe.latency(front, "GET /cart");
    assertThat(latency.count()).isEqualTo(REQUESTS);
    assertThat(latency.valueAtQuantileNanos(0.5)).isCloseTo(50 * MS, within(MS / 2));
    assertThat(latency.maxNanos()).isCloseTo(100 * MS, within(MS));
    long durationSum =
        probe.endpoints(front).stream().mapToLong(EndpointWindow::durationSumNanos).sum();
    assertThat(durationSum).isEqualTo(550 * MS);
  }

  private static void assertEdges(List<CallEdge> edges, String back) {
    List<CallEdge> toBack = edges.stream().filter(e -> e.childService().equals(back)).toList();
    List<CallEdge> toDb = edges.stream().filter(e -> e.childService().equals("cart-db")).toList();
    assertThat(toBack).allSatisfy(e -> assertThat(e.external()).isFalse());
    assertThat(toBack).allSatisfy(e -> assertThat(e.childEndpoint()).isEqualTo("GET /item"));
    assertThat(toBack.stream().mapToLong(CallEdge::calls).sum()).isEqualTo(REQUESTS);
    assertThat(toDb).allSatisfy(e -> assertThat(e.external()).isTrue());
    assertThat(toDb.stream().mapToLong(CallEdge::calls).sum()).isEqualTo(2 * REQUESTS);
    assertThat(toDb.stream().mapToLong(CallEdge::callingRequests).sum()).isEqualTo(REQUESTS);
    assertThat(toDb.stream().mapToLong(CallEdge::parentRequests).sum()).isEqualTo(REQUESTS);
  }

  private static void request(Tracer front, Tracer back, long start, long duration) {
    Span server =
        front
            .spanBuilder("GET /cart")
            .setSpanKind(SpanKind.SERVER)
            .setStartTimestamp(start, TimeUnit.NANOSECONDS)
            .setAttribute("http.request.method", "GET")
            .setAttribute("http.route", "/cart")
            .setAttribute("http.response.status_code", 200L)
            .startSpan();
    Context parent = Context.root().with(server);
    Span call = client(front, parent, "back", start + MS);
    back.spanBuilder("GET /item")
        .setParent(Context.root().with(call))
        .setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(start + 2 * MS, TimeUnit.NANOSECONDS)
        .startSpan()
        .end(start + duration / 2, TimeUnit.NANOSECONDS);
    call.end(start + duration / 2 + 2 * MS, TimeUnit.NANOSECONDS);
    for (int db = 0; db < 2; db++) {
      client(front, parent, "cart-db", start + duration / 2 + 3 * MS)
          .end(start + duration - MS, TimeUnit.NANOSECONDS);
    }
    server.end(start + duration, TimeUnit.NANOSECONDS);
  }

  private static Span client(Tracer tracer, Context parent, String peer, long start) {
    return tracer
        .spanBuilder("GET")
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(start, TimeUnit.NANOSECONDS)
        .setAttribute("peer.service", peer)
        .startSpan();
  }

  private static SdkTracerProvider tracerProvider(String service, SpanExporter exporter) {
    return SdkTracerProvider.builder()
        .setResource(resource(service))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
  }

  private static Resource resource(String service) {
    return Resource.getDefault()
        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)));
  }

  private static void flush(SdkTracerProvider provider) {
    CompletableResultCode flushed = provider.forceFlush().join(10, TimeUnit.SECONDS);
    assertThat(flushed.isSuccess()).as("export acknowledged").isTrue();
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
