package io.rehearsal.telemetry;

/** Accumulates the points of one metric series in one window. */
final class SeriesAccumulator {

  private final MetricPoint first;
  private long points;
  private double last;
  private long lastTimeNanos;
  private long lastCount;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;

  SeriesAccumulator(MetricPoint first) {
    this.first = first;
  }

  void add(MetricPoint point) {
    points++;
    sum += point.value();
    min = Math.min(min, point.value());
    max = Math.max(max, point.value());
    if (point.timeNanos() >= lastTimeNanos) {
      last = point.value();
      lastTimeNanos = point.timeNanos();
      lastCount = point.count();
    }
  }

  MetricSeries toSeries() {
    return new MetricSeries(
        first.service(),
        first.name(),
        first.unit(),
        first.attributes(),
        first.kind(),
        first.cumulative(),
        points,
        last,
        lastTimeNanos,
        min,
        max,
        sum,
        lastCount);
  }
}
