package io.rehearsal.telemetry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The points of one metric series (service, name, attributes, kind) observed in one window.
 *
 * @param service the reporting service
 * @param name the metric name
 * @param unit the metric unit
 * @param attributes the series' attributes, sorted by key
 * @param kind the metric data type
 * @param cumulative whether values accumulate from a start time (see {@link MetricPoint})
 * @param points how many points were observed (at least 1)
 * @param last the value of the latest point
 * @param lastTimeNanos the time of the latest point
 * @param min the smallest value
 * @param max the largest value
 * @param sum the sum of the values (divide by {@code points} for the mean of a gauge)
 * @param lastCount the observation count of the latest point of a distribution (0 otherwise)
 */
public record MetricSeries(
    String service,
    String name,
    String unit,
    Map<String, String> attributes,
    MetricKind kind,
    boolean cumulative,
    long points,
    double last,
    long lastTimeNanos,
    double min,
    double max,
    double sum,
    long lastCount) {

  /** Validates the series; messages name the field and the bad value. */
  public MetricSeries {
    Fields.name("service", service);
    Fields.name("name", name);
    Fields.present("unit", unit);
    attributes =
        Collections.unmodifiableMap(new TreeMap<>(Fields.present("attributes", attributes)));
    Fields.present("kind", kind);
    Fields.positive("points", points);
    Fields.positive("lastTimeNanos", lastTimeNanos);
    if (!(min <= last && last <= max)) {
      throw new IllegalArgumentException(
          "last must lie between min " + min + " and max " + max + ", but was " + last);
    }
    Fields.nonNegative("lastCount", lastCount);
  }

  /** The mean of the points' values. */
  public double mean() {
    return sum / points;
  }
}
