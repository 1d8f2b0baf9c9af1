package io.rehearsal.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an OTLP metrics export to {@link MetricPoint} records: gauges and sums by value, histograms
 * (explicit and exponential) and summaries by sum and count. A resource without {@code
 * service.name} that names a process or host (as the Collector's {@code hostmetrics} receiver
 * reports every process on a host) gets the name the OpenTelemetry SDK gives such a resource,
 * {@code unknown_service:<process.executable.name>}; each point keeps the resource's identity
 * ({@link #IDENTITY}) so that it can be joined to the services by {@code process.pid}. A data point
 * is rejected, with a reason naming its path, when its resource has neither a {@code service.name}
 * nor a process or host, the metric has no name or no data, or the point has no time, no value or a
 * non-finite one. Points flagged "no recorded value" are skipped without counting as rejected.
 */
public final class MetricMapper {

  private static final String SERVICE_NAME = "service.name";

  /** The resource attributes every point keeps: where its process ran. */
  public static final List<String> IDENTITY =
      List.of(
          "host.name",
          "process.pid",
          "process.parent_pid",
          "process.executable.name",
          "container.id",
          "container.name",
          "k8s.pod.name",
          "k8s.node.name");

  private MetricMapper() {}

  /** The valid points of a request, and the count and first reasons of the rejected ones. */
  public static Mapped<MetricPoint> map(ExportMetricsServiceRequest request) {
    List<MetricPoint> accepted = new ArrayList<>();
    Rejections rejections = new Rejections();
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics resource = request.getResourceMetrics(r);
      String path = "resourceMetrics[" + r + "]";
      List<KeyValue> resourceAttributes = resource.getResource().getAttributesList();
      Map<String, String> identity = identity(resourceAttributes);
      String service = service(resourceAttributes, identity);
      if (service.isBlank()) {
        long points = count(resource);
        rejections.reject(points, path, "resource has no service.name; its " + points + " points");
        continue;
      }
      for (int s = 0; s < resource.getScopeMetricsCount(); s++) {
        ScopeMetrics scope = resource.getScopeMetrics(s);
        for (int m = 0; m < scope.getMetricsCount(); m++) {
          String metricPath = path + ".scopeMetrics[" + s + "].metrics[" + m + "]";
          new MetricPoints(service, identity, scope.getMetrics(m), metricPath, accepted, rejections)
              .map();
        }
      }
    }
    return rejections.result(accepted);
  }

  /**
   * The service.name, else for a process or host resource the SDK's {@code unknown_service[:exe]},
   * else blank.
   */
  private static String service(List<KeyValue> attributes, Map<String, String> identity) {
    String service = AttributeValues.find(attributes, SERVICE_NAME);
    if (!service.isBlank()
        || !(identity.containsKey("process.pid") || identity.containsKey("host.name"))) {
      return service;
    }
    String exe = identity.getOrDefault("process.executable.name", "");
    return exe.isBlank() ? "unknown_service" : "unknown_service:" + exe;
  }

  private static Map<String, String> identity(List<KeyValue> attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    for (KeyValue attribute : attributes) {
      if (IDENTITY.contains(attribute.getKey())) {
        String value = AttributeValues.text(attribute.getValue());
        if (!value.isBlank()) {
          out.putIfAbsent(attribute.getKey(), value);
        }
      }
    }
    return out;
  }

  /** How many data points a request holds, without mapping them. */
  public static int count(ExportMetricsServiceRequest request) {
    int points = 0;
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      points += count(resource);
    }
    return points;
  }

  private static int count(ResourceMetrics resource) {
    int points = 0;
    for (ScopeMetrics scope : resource.getScopeMetricsList()) {
      for (Metric metric : scope.getMetricsList()) {
        points += pointCount(metric);
      }
    }
    return points;
  }

  static int pointCount(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 1;
    };
  }

  static boolean noRecordedValue(int flags) {
    return (flags & DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE) != 0;
  }

  static boolean cumulative(AggregationTemporality temporality) {
    return temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  }

  static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> out = new LinkedHashMap<>(attributes.size() * 2);
    for (KeyValue attribute : attributes) {
      out.putIfAbsent(attribute.getKey(), AttributeValues.text(attribute.getValue()));
    }
    return out;
  }

  static MetricKind kind(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> MetricKind.GAUGE;
      case SUM -> MetricKind.SUM;
      case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> MetricKind.HISTOGRAM;
      case SUMMARY -> MetricKind.SUMMARY;
      case DATA_NOT_SET -> throw new IllegalArgumentException("metric has no data");
    };
  }
}
