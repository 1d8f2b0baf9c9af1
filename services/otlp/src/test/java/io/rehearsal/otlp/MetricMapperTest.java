package io.rehearsal.otlp;

import static io.rehearsal.otlp.Requests.T0;
import static io.rehearsal.otlp.Requests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricMapperTest {

  private static ExportMetricsServiceRequest request(String service, Metric... metrics) {
    ResourceMetrics.Builder resource =
        ResourceMetrics.newBuilder()
            .addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(java.util.List.of(metrics)));
    if (service != null) {
      resource.setResource(Requests.resource(service));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource).build();
  }

  private static NumberDataPoint.Builder number(double value) {
    return NumberDataPoint.newBuilder().setTimeUnixNano(T0).setAsDouble(value);
  }

  @Test
  void shouldMapEveryDataTypeWhenPointsAreValid() {
    var request =
        request(
            "cart",
            Metric.newBuilder()
                .setName("cpu.util")
                .setUnit("1")
                .setGauge(
                    Gauge.newBuilder()
                        .addDataPoints(number(0.5).addAttributes(attribute("cpu", 1L))))
                .build(),
            Metric.newBuilder()
                .setName("cpu.time")
                .setUnit("s")
                .setSum(
                    Sum.newBuilder()
                        .setAggregationTemporality(
                            AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .setIsMonotonic(true)
                        .addDataPoints(
                            NumberDataPoint.newBuilder()
                                .setStartTimeUnixNano(T0 - 9)
                                .setTimeUnixNano(T0)
                                .setAsInt(12)))
                .build(),
            Metric.newBuilder()
                .setName("http.server.request.duration")
                .setHistogram(
                    Histogram.newBuilder()
                        .setAggregationTemporality(
                            AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                        .addDataPoints(
                            HistogramDataPoint.newBuilder()
                                .setTimeUnixNano(T0)
                                .setSum(2.5)
                                .setCount(10)))
                .build(),
            Metric.newBuilder()
                .setName("exp")
                .setExponentialHistogram(
                    ExponentialHistogram.newBuilder()
                        .addDataPoints(
                            ExponentialHistogramDataPoint.newBuilder()
                                .setTimeUnixNano(T0)
                                .setSum(1)
                                .setCount(4)))
                .build(),
            Metric.newBuilder()
                .setName("gc.pause")
                .setSummary(
                    Summary.newBuilder()
                        .addDataPoints(
                            SummaryDataPoint.newBuilder()
                                .setTimeUnixNano(T0)
                                .setSum(0.3)
                                .setCount(3)))
                .build());

    Mapped<MetricPoint> mapped = MetricMapper.map(request);

    assertThat(mapped.rejected()).isZero();
    assertThat(mapped.accepted())
        .containsExactly(
            new MetricPoint(
                "cart",
                "cpu.util",
                "1",
                Map.of("cpu", "1"),
                MetricKind.GAUGE,
                false,
                0,
                T0,
                0.5,
                0),
            new MetricPoint(
                "cart", "cpu.time", "s", Map.of(), MetricKind.SUM, true, T0 - 9, T0, 12, 0),
            new MetricPoint(
                "cart",
                "http.server.request.duration",
                "",
                Map.of(),
                MetricKind.HISTOGRAM,
                false,
                0,
                T0,
                2.5,
                10),
            new MetricPoint("cart", "exp", "", Map.of(), MetricKind.HISTOGRAM, false, 0, T0, 1, 4),
            new MetricPoint(
                "cart", "gc.pause", "", Map.of(), MetricKind.SUMMARY, true, 0, T0, 0.3, 3));
    assertThat(MetricMapper.count(request)).isEqualTo(5);
  }

  @Test
  void shouldRejectBadPointsNamingPathsWhenOthersAreValid() {
    var request =
        request(
            "cart",
            Metric.newBuilder()
                .setName("g")
                .setGauge(
                    Gauge.newBuilder()
                        .addDataPoints(number(1))
                        .addDataPoints(number(Double.NaN))
                        .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T0))
                        .addDataPoints(number(2).setTimeUnixNano(0)))
                .build(),
            Metric.newBuilder().setName("empty").build());

    Mapped<MetricPoint> mapped = MetricMapper.map(request);

    assertThat(mapped.accepted()).hasSize(1);
    assertThat(mapped.reasons())
        .containsExactly(
            "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[1]: value must be finite, but was NaN",
            "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[2]: data point has no value",
            "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[3]: timeUnixNano must be > 0, but was 0",
            "resourceMetrics[0].scopeMetrics[0].metrics[1]: metric 'empty' has no data");
  }

  @Test
  void shouldSkipPointWithoutCountingWhenFlaggedNoRecordedValue() {
    var request =
        request(
            "cart",
            Metric.newBuilder()
                .setName("g")
                .setGauge(
                    Gauge.newBuilder()
                        .addDataPoints(
                            number(1)
                                .setFlags(
                                    DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE)))
                .build());

    Mapped<MetricPoint> mapped = MetricMapper.map(request);

    assertThat(mapped.accepted()).isEmpty();
    assertThat(mapped.rejected()).isZero();
  }

  @Test
  void shouldRejectAllPointsWhenServiceNameIsMissing() {
    var request =
        request(
            null,
            Metric.newBuilder()
                .setName("g")
                .setGauge(Gauge.newBuilder().addDataPoints(number(1)).addDataPoints(number(2)))
                .build());

    Mapped<MetricPoint> mapped = MetricMapper.map(request);

    assertThat(mapped.rejected()).isEqualTo(2);
    assertThat(mapped.errorMessage("data points"))
        .isEqualTo(
            "rejected 2 of 2 data points: resourceMetrics[0]: resource has no service.name; its 2 points");
  }

  @Test
  void shouldKeepHostMetricsAsUnknownServiceWithTheirIdentityWhenTheResourceNamesAProcess() {
    ResourceMetrics resource =
        ResourceMetrics.newBuilder()
            .setResource(
                io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                    .addAttributes(attribute("host.name", "vm"))
                    .addAttributes(attribute("process.pid", "42"))
                    .addAttributes(attribute("process.executable.name", "python"))
                    .addAttributes(attribute("os.type", "linux")))
            .addScopeMetrics(
                ScopeMetrics.newBuilder()
                    .addMetrics(
                        Metric.newBuilder()
                            .setName("process.cpu.time")
                            .setSum(Sum.newBuilder().addDataPoints(number(3)))))
            .build();

    Mapped<MetricPoint> mapped =
        MetricMapper.map(
            ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource).build());

    assertThat(mapped.rejected()).isZero();
    MetricPoint point = mapped.accepted().get(0);
    assertThat(point.service()).isEqualTo("unknown_service:python");
    assertThat(point.resource())
        .containsEntry("process.pid", "42")
        .containsEntry("host.name", "vm")
        .doesNotContainKey("os.type");
  }
}
