package io.rehearsal.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import java.util.List;
import java.util.Map;

/** Maps the data points of one OTLP metric. */
final class MetricPoints {

  private final String service;
  private final Map<String, String> resource;
  private final Metric metric;
  private final String path;
  private final List<MetricPoint> accepted;
  private final Rejections rejections;

  MetricPoints(
      String service,
      Map<String, String> resource,
      Metric metric,
      String path,
      List<MetricPoint> accepted,
      Rejections rejections) {
    this.service = service;
    this.resource = resource;
    this.metric = metric;
    this.path = path;
    this.accepted = accepted;
    this.rejections = rejections;
  }

  void map() {
    if (metric.getName().isBlank()) {
      rejections.reject(
          MetricMapper.pointCount(metric), path, "metric name must not be blank; its points");
      return;
    }
    switch (metric.getDataCase()) {
      case GAUGE -> numbers(metric.getGauge().getDataPointsList(), false);
      case SUM ->
          numbers(
              metric.getSum().getDataPointsList(),
              MetricMapper.cumulative(metric.getSum().getAggregationTemporality()));
      case HISTOGRAM -> histograms(metric.getHistogram().getDataPointsList());
      case EXPONENTIAL_HISTOGRAM ->
          exponential(metric.getExponentialHistogram().getDataPointsList());
      case SUMMARY -> summaries(metric.getSummary().getDataPointsList());
      case DATA_NOT_SET -> rejections.reject(path, "metric '" + metric.getName() + "' has no data");
    }
  }

  private void numbers(List<NumberDataPoint> points, boolean cumulative) {
    for (int i = 0; i < points.size(); i++) {
      NumberDataPoint p = points.get(i);
      if (MetricMapper.noRecordedValue(p.getFlags())) {
        continue;
      }
      if (p.getValueCase() == NumberDataPoint.ValueCase.VALUE_NOT_SET) {
        rejections.reject(pointPath(i), "data point has no value");
        continue;
      }
      double value =
          p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
      add(
          i,
          p.getAttributesList(),
          cumulative,
          p.getStartTimeUnixNano(),
          p.getTimeUnixNano(),
          value,
          0);
    }
  }

  private void histograms(List<HistogramDataPoint> points) {
    boolean cumulative = MetricMapper.cumulative(metric.getHistogram().getAggregationTemporality());
    for (int i = 0; i < points.size(); i++) {
      HistogramDataPoint p = points.get(i);
      if (!MetricMapper.noRecordedValue(p.getFlags())) {
        add(
            i,
            p.getAttributesList(),
            cumulative,
            p.getStartTimeUnixNano(),
            p.getTimeUnixNano(),
            p.getSum(),
            p.getCount());
      }
    }
  }

  private void exponential(List<ExponentialHistogramDataPoint> points) {
    boolean cumulative =
        MetricMapper.cumulative(metric.getExponentialHistogram().getAggregationTemporality());
    for (int i = 0; i < points.size(); i++) {
      ExponentialHistogramDataPoint p = points.get(i);
      if (!MetricMapper.noRecordedValue(p.getFlags())) {
        add(
            i,
            p.getAttributesList(),
            cumulative,
            p.getStartTimeUnixNano(),
            p.getTimeUnixNano(),
            p.getSum(),
            p.getCount());
      }
    }
  }

  private void summaries(List<SummaryDataPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      SummaryDataPoint p = points.get(i);
      if (!MetricMapper.noRecordedValue(p.getFlags())) {
        add(
            i,
            p.getAttributesList(),
            true,
            p.getStartTimeUnixNano(),
            p.getTimeUnixNano(),
            p.getSum(),
            p.getCount());
      }
    }
  }

  private void add(
      int index,
      List<KeyValue> attributes,
      boolean cumulative,
      long startNanos,
      long timeNanos,
      double value,
      long count) {
    String problem = problem(startNanos, timeNanos, value, count);
    if (problem != null) {
      rejections.reject(pointPath(index), problem);
      return;
    }
    MetricKind kind = MetricMapper.kind(metric);
    accepted.add(
        new MetricPoint(
            service,
            metric.getName(),
            metric.getUnit(),
            MetricMapper.attributes(attributes),
            kind,
            cumulative,
            startNanos,
            timeNanos,
            value,
            kind.isDistribution() ? count : 0,
            resource));
  }

  private static String problem(long startNanos, long timeNanos, double value, long count) {
    if (timeNanos <= 0) {
      return "timeUnixNano must be > 0, but was " + Long.toUnsignedString(timeNanos);
    }
    if (startNanos < 0 || startNanos > timeNanos) {
      return "startTimeUnixNano "
          + Long.toUnsignedString(startNanos)
          + " must not be after timeUnixNano "
          + timeNanos;
    }
    if (!Double.isFinite(value)) {
      return "value must be finite, but was " + value;
    }
    return count < 0 ? "count must be >= 0, but was " + Long.toUnsignedString(count) : null;
  }

  private String pointPath(int index) {
    return path + ".dataPoints[" + index + "]";
  }
}
