package io.rehearsal.detector;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/** OTLP requests for the detector's tests: SERVER root spans ending now, with chosen durations. */
final class TestRequests {

  /** Distinguishes this test run's services from those of earlier runs kept in test Redis. */
  private static final String RUN = Long.toString(System.nanoTime() & 0xffffffL, 36);

  private TestRequests() {}

  /** A service name unique to this test run. */
  static String service(String name) {
    return name + "-" + RUN;
  }

  static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static Resource resource(String service) {
    return Resource.newBuilder()
        .addAttributes(
            KeyValue.newBuilder()
                .setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue(service)))
        .build();
  }

  /** A root SERVER span of {@code GET /x} with random ids ending at {@code endNanos}. */
  static Span.Builder serverSpan(long endNanos, long durationNanos) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
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
        .setEndTimeUnixNano(endNanos);
  }

  /** {@code count} valid 1 ms SERVER spans of {@code service}, ending now. */
  static ExportTraceServiceRequest traces(String service, int count) {
    long end = nowNanos();
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < count; i++) {
      scope.addSpans(serverSpan(end, 1_000_000));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().setResource(resource(service)).addScopeSpans(scope))
        .build();
  }

  /** One gauge point per value for {@code service}, observed now. */
  static ExportMetricsServiceRequest gauge(String service, String name, double... values) {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (double value : values) {
      gauge.addDataPoints(
          NumberDataPoint.newBuilder().setTimeUnixNano(nowNanos()).setAsDouble(value));
    }
    ResourceMetrics.Builder resource =
        ResourceMetrics.newBuilder()
            .addScopeMetrics(
                ScopeMetrics.newBuilder()
                    .addMetrics(Metric.newBuilder().setName(name).setGauge(gauge)));
    if (service != null) {
      resource.setResource(resource(service));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource).build();
  }
}
