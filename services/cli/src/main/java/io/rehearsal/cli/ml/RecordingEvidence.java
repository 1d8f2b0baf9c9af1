package io.rehearsal.cli.ml;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.rca.Gauge;
import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.RcaInputBuilder;
import io.rehearsal.ml.rca.SpanEvidence;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Root-cause input around an incident from a recording: the trace walk is {@link SpanEvidence}'s
 * (the same the detector's loop uses on the spans it received); this adds what the span records
 * leave out, read from the file's resources again (instance ids, versions, worker-pool gauges).
 */
final class RecordingEvidence {
  private RecordingEvidence() {}

  /** The input for ranking {@code incident}'s suspects from the recording in {@code file}. */
  static RcaInput input(Path file, Recording recording, Incident incident) throws IOException {
    long start = recording.firstRootStartNanos() / 1_000_000;
    RcaInputBuilder builder = new RcaInputBuilder(SpanEvidence.windows(start, incident));
    SpanEvidence.add(recording.spans(), builder);
    resources(file, builder);
    return builder.build(incident.id(), incident.symptoms());
  }

  private static void resources(Path file, RcaInputBuilder builder) throws IOException {
    try (OtlpJsonLines lines =
        OtlpJsonLines.open(file, JsonLinesOptions.defaults().skippingBadLines())) {
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get() instanceof OtlpLine.Traces t) {
          traces(t.request(), builder);
        } else if (line.get() instanceof OtlpLine.Metrics m) {
          metrics(m.request(), builder);
        }
      }
    }
  }

  private static void traces(ExportTraceServiceRequest request, RcaInputBuilder builder) {
    for (ResourceSpans rs : request.getResourceSpansList()) {
      Who who = Who.of(rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        ss.getSpansList()
            .forEach(
                s ->
                    builder.instance(
                        who.service,
                        who.instance,
                        who.version,
                        s.getEndTimeUnixNano() / 1_000_000));
      }
    }
  }

  private static void metrics(ExportMetricsServiceRequest request, RcaInputBuilder builder) {
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      Who who = Who.of(rm.getResource().getAttributesList());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric metric : sm.getMetricsList()) {
          metric(who, metric, builder);
        }
      }
    }
  }

  private static void metric(Who who, Metric metric, RcaInputBuilder builder) {
    List<NumberDataPoint> points =
        metric.hasGauge()
            ? metric.getGauge().getDataPointsList()
            : metric.hasSum() ? metric.getSum().getDataPointsList() : List.of();
    Gauge gauge =
        switch (metric.getName()) {
          case "rehearsal.shop.pool.workers" -> Gauge.WORKERS;
          case "rehearsal.shop.pool.queue.size" -> Gauge.QUEUE;
          default -> null;
        };
    for (NumberDataPoint p : points) {
      long t = p.getTimeUnixNano() / 1_000_000;
      builder.instance(who.service, who.instance, who.version, t);
      if (gauge != null) {
        double v =
            p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
        builder.gauge(who.service, gauge, t, v);
      }
    }
  }

  /** The resource attributes that say which process reported. */
  private record Who(String service, String instance, String version) {
    static Who of(List<KeyValue> attributes) {
      return new Who(
          find(attributes, "service.name"),
          find(attributes, "service.instance.id"),
          find(attributes, "service.version"));
    }

    private static String find(List<KeyValue> attributes, String key) {
      for (KeyValue kv : attributes) {
        if (kv.getKey().equals(key)) {
          return kv.getValue().getStringValue();
        }
      }
      return "";
    }
  }
}
