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
import io.rehearsal.ml.rca.RcaWindows;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a recording into root-cause input around an incident: walks each trace for self times,
 * failures of a request's own and calls no replica answered; reads the file's resources again for
 * what the span records leave out (instance ids, versions, worker-pool gauges).
 */
final class RecordingEvidence {
  /** Seconds left out before the onset, so the normal window holds no early symptom. */
  static final int GUARD_SECONDS = 2;

  /** Length of the incident window from the onset. */
  static final int DURING_SECONDS = 20;

  private RecordingEvidence() {}

  /** The input for ranking {@code incident}'s suspects from the recording in {@code file}. */
  static RcaInput input(Path file, Recording recording, Incident incident) throws IOException {
    long start = recording.firstRootStartNanos() / 1_000_000;
    RcaWindows windows =
        RcaWindows.around(start, incident.onsetSecond(), GUARD_SECONDS, DURING_SECONDS);
    RcaInputBuilder builder = new RcaInputBuilder(windows);
    traces(recording.spans(), builder);
    resources(file, builder);
    return builder.build(incident.id(), incident.symptoms());
  }

  private static void traces(List<Span> spans, RcaInputBuilder builder) {
    Map<String, List<Span>> byTrace = new HashMap<>();
    for (Span s : spans) {
      byTrace.computeIfAbsent(s.traceIdHex(), k -> new ArrayList<>()).add(s);
    }
    byTrace.values().forEach(trace -> trace(trace, builder));
  }

  private static boolean failed(Span s) {
    return s.error() || s.httpStatus() >= 500;
  }

  private static void trace(List<Span> trace, RcaInputBuilder builder) {
    Map<Long, Span> byId = new HashMap<>();
    Map<Long, Span> answers = new HashMap<>();
    for (Span s : trace) {
      byId.putIfAbsent(s.spanId(), s);
      if (s.kind().servesRequest() && !s.isRoot()) {
        answers.putIfAbsent(s.parentSpanId(), s);
      }
    }
    Map<Long, List<Span>> callsOf = new HashMap<>();
    for (Span s : trace) {
      if (s.kind() == SpanKind.CLIENT && !s.peer().isEmpty()) {
        Span request = s.requestAbove(byId);
        if (request != null) {
          callsOf.computeIfAbsent(request.spanId(), k -> new ArrayList<>()).add(s);
          Span answer = answers.get(s.spanId());
          builder.called(
              request.service(),
              request.endpoint(),
              s.peer(),
              answer == null ? "" : answer.endpoint(),
              s.endNanos() / 1_000_000,
              s.durationNanos() / 1e6,
              failed(s),
              answer != null,
              s.httpStatus());
        }
      }
    }
    for (Span s : trace) {
      if (s.kind().servesRequest()) {
        List<Span> calls = callsOf.getOrDefault(s.spanId(), List.of());
        boolean callFailed = calls.stream().anyMatch(RecordingEvidence::failed);
        builder.served(
            s.service(),
            s.endpoint(),
            s.endNanos() / 1_000_000,
            s.durationNanos() / 1e6,
            (s.durationNanos() - covered(calls, s)) / 1e6,
            failed(s),
            !callFailed);
      }
    }
  }

  /** Nanoseconds of {@code parent} during which at least one of the calls was running. */
  private static long covered(List<Span> calls, Span parent) {
    List<Span> sorted = new ArrayList<>(calls);
    sorted.sort(Comparator.comparingLong(Span::startNanos));
    long total = 0;
    long end = Long.MIN_VALUE;
    for (Span c : sorted) {
      long from = Math.max(Math.max(c.startNanos(), end), parent.startNanos());
      long to = Math.min(c.endNanos(), parent.endNanos());
      if (to > from) {
        total += to - from;
      }
      end = Math.max(end, c.endNanos());
    }
    return total;
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
