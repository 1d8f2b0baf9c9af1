package io.rehearsal.telemetry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded period of telemetry held in memory: the finished spans and the metric points of the
 * system, in the order they were read. Calibration learns a twin from one recording; fidelity
 * replays another against the twin.
 *
 * <pre>{@code
 * Recording.Builder builder = Recording.builder();
 * builder.addSpans(spans).addMetrics(points);   // batch by batch, e.g. from an OTLP file
 * Recording recording = builder.build();
 * }</pre>
 */
public final class Recording {
  private final List<Span> spans;
  private final List<MetricPoint> metrics;

  private Recording(List<Span> spans, List<MetricPoint> metrics) {
    this.spans = List.copyOf(spans);
    this.metrics = List.copyOf(metrics);
  }

  /** A recording of these spans and metric points. */
  public static Recording of(Collection<Span> spans, Collection<MetricPoint> metrics) {
    return new Recording(new ArrayList<>(spans), new ArrayList<>(metrics));
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The spans. */
  public List<Span> spans() {
    return spans;
  }

  /** The metric points. */
  public List<MetricPoint> metrics() {
    return metrics;
  }

  /**
   * The part of this recording in [{@code fromNanos}, {@code toNanos}): every trace whose root span
   * starts in it (all spans of such traces are kept, so calls are not cut in two) and the metric
   * points observed in it.
   */
  public Recording slice(long fromNanos, long toNanos) {
    Map<TraceKey, Boolean> keep = new HashMap<>();
    for (Span span : spans) {
      if (span.isRoot()) {
        boolean inside = span.startNanos() >= fromNanos && span.startNanos() < toNanos;
        keep.merge(TraceKey.of(span), inside, Boolean::logicalOr);
      }
    }
    List<Span> keptSpans = new ArrayList<>();
    for (Span span : spans) {
      if (keep.getOrDefault(TraceKey.of(span), false)) {
        keptSpans.add(span);
      }
    }
    List<MetricPoint> keptPoints = new ArrayList<>();
    for (MetricPoint point : metrics) {
      if (point.timeNanos() >= fromNanos && point.timeNanos() < toNanos) {
        keptPoints.add(point);
      }
    }
    return new Recording(keptSpans, keptPoints);
  }

  /** The earliest start of a root span, or 0 when there is none. */
  public long firstRootStartNanos() {
    return spans.stream().filter(Span::isRoot).mapToLong(Span::startNanos).min().orElse(0);
  }

  /** The latest start of a root span, or 0 when there is none. */
  public long lastRootStartNanos() {
    return spans.stream().filter(Span::isRoot).mapToLong(Span::startNanos).max().orElse(0);
  }

  /**
   * A trace id, as a map key.
   *
   * @param high the id's high 64 bits
   * @param low the id's low 64 bits
   */
  public record TraceKey(long high, long low) {
    /** The id of the trace {@code span} belongs to. */
    public static TraceKey of(Span span) {
      return new TraceKey(span.traceIdHigh(), span.traceIdLow());
    }
  }

  /**
   * Collects spans and points batch by batch. Repeated strings (service, span and endpoint names)
   * are shared, so a large recording costs little more than its numbers.
   */
  public static final class Builder {
    private final List<Span> spans = new ArrayList<>();
    private final List<MetricPoint> metrics = new ArrayList<>();
    private final Map<String, String> strings = new HashMap<>();

    private Builder() {}

    /** Adds spans. */
    public Builder addSpans(Collection<Span> batch) {
      for (Span span : batch) {
        spans.add(shared(span));
      }
      return this;
    }

    /** Adds metric points. */
    public Builder addMetrics(Collection<MetricPoint> batch) {
      metrics.addAll(batch);
      return this;
    }

    /** The recording collected so far. */
    public Recording build() {
      return new Recording(spans, metrics);
    }

    private Span shared(Span s) {
      return new Span(
          s.traceIdHigh(),
          s.traceIdLow(),
          s.spanId(),
          s.parentSpanId(),
          intern(s.service()),
          intern(s.name()),
          intern(s.endpoint()),
          s.kind(),
          s.startNanos(),
          s.endNanos(),
          s.error(),
          s.httpStatus(),
          intern(s.peer()));
    }

    private String intern(String value) {
      return strings.computeIfAbsent(value, v -> v);
    }
  }
}
