package io.rehearsal.telemetry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One data point of a metric.
 *
 * @param service the {@code service.name} of the process that reported it
 * @param name the metric name, e.g. {@code process.cpu.time}
 * @param unit the metric unit as reported (may be empty)
 * @param attributes the point's attributes as strings, sorted by key
 * @param kind the metric data type
 * @param cumulative true when the value accumulates from {@code startNanos} (cumulative
 *     temporality, and summaries); false for gauges and delta sums and histograms
 * @param startNanos start of the accumulation, epoch nanoseconds, or 0 when not reported
 * @param timeNanos when the point was observed, epoch nanoseconds (> 0)
 * @param value the value of a GAUGE or SUM; the sum of observations of a HISTOGRAM or SUMMARY
 * @param count the number of observations of a HISTOGRAM or SUMMARY; 0 for GAUGE and SUM
 * @param resource what the reporting process's resource says about where it ran ({@code host.name},
 *     {@code process.pid}, {@code process.executable.name}, {@code container.id}, ...), sorted by
 *     key; empty when unknown. Joins a service's metrics to the host metrics of its process.
 */
public record MetricPoint(
    String service,
    String name,
    String unit,
    Map<String, String> attributes,
    MetricKind kind,
    boolean cumulative,
    long startNanos,
    long timeNanos,
    double value,
    long count,
    Map<String, String> resource) {

  /** Validates the point and copies the attributes; messages name the field and the bad value. */
  public MetricPoint {
    Fields.name("service", service);
    Fields.name("name", name);
    Fields.present("unit", unit);
    attributes =
        Collections.unmodifiableMap(new TreeMap<>(Fields.present("attributes", attributes)));
    Fields.present("kind", kind);
    Fields.nonNegative("startNanos", startNanos);
    Fields.positive("timeNanos", timeNanos);
    if (startNanos > timeNanos) {
      throw new IllegalArgumentException(
          "startNanos must not be after timeNanos " + timeNanos + ", but was " + startNanos);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, but was " + value);
    }
    Fields.nonNegative("count", count);
    resource = Collections.unmodifiableMap(new TreeMap<>(Fields.present("resource", resource)));
  }

  /** A point whose resource says nothing beyond its service. */
  public MetricPoint(
      String service,
      String name,
      String unit,
      Map<String, String> attributes,
      MetricKind kind,
      boolean cumulative,
      long startNanos,
      long timeNanos,
      double value,
      long count) {
    this(
        service,
        name,
        unit,
        attributes,
        kind,
        cumulative,
        startNanos,
        timeNanos,
        value,
        count,
        Map.of());
  }

  /** A gauge point with no start time. */
  public static MetricPoint gauge(
      String service, String name, Map<String, String> attributes, long timeNanos, double value) {
    return new MetricPoint(
        service, name, "", attributes, MetricKind.GAUGE, false, 0, timeNanos, value, 0);
  }
}
