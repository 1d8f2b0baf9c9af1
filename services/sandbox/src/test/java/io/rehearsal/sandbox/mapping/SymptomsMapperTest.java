package io.rehearsal.sandbox.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.twin.spec.TwinSpec;
import org.junit.jupiter.api.Test;

class SymptomsMapperTest {

  private static final TwinSpec TWIN = ReferenceShop.twin();
  private static final long T0 = ReferenceShop.ONSET;

  @Test
  void shouldAlignPointsToBucketsAfterTheOnsetWhenMapping() {
    Incident incident =
        incident(
            series(MetricKind.METRIC_KIND_LATENCY_P99, 0, T0 - 10, 999, T0 + 10, 400, T0 + 20, 800),
            series(MetricKind.METRIC_KIND_ERROR_RATE, 0, T0 + 10, 0.1, T0 + 20, 0.2),
            series(MetricKind.METRIC_KIND_THROUGHPUT, 18, T0 + 10, 17, T0 + 30, 15));

    Symptoms s = SymptomsMapper.symptoms(incident, TWIN);

    assertThat(s.bucket()).isEqualTo(10);
    assertThat(s.names()).containsExactly("frontend/GET /browse");
    assertThat(s.buckets()).isEqualTo(2);
    SymptomPoint second = s.endpoints().get(0).points().get(1);
    assertThat(second.p99()).isEqualTo(0.8);
    assertThat(second.p50()).isNaN();
    assertThat(second.errorRate()).isEqualTo(0.2);
    assertThat(second.throughput()).isEqualTo(17);
    assertThat(SymptomsMapper.entryRates(incident, TWIN))
        .containsEntry("frontend/GET /browse", 18.0);
  }

  @Test
  void shouldNameTheMissingSeriesWhenAnEndpointHasNoThroughput() {
    Incident incident =
        incident(
            series(MetricKind.METRIC_KIND_LATENCY_P99, 0, T0 + 10, 400),
            series(MetricKind.METRIC_KIND_ERROR_RATE, 0, T0 + 10, 0.1));

    assertThatThrownBy(() -> SymptomsMapper.symptoms(incident, TWIN))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'frontend/GET /browse' needs a THROUGHPUT series");
  }

  @Test
  void shouldNameThePointWhenAnErrorRateIsOutOfRange() {
    Incident incident = incident(series(MetricKind.METRIC_KIND_ERROR_RATE, 0, T0 + 10, 1.5));

    assertThatThrownBy(() -> SymptomsMapper.symptoms(incident, TWIN))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("incident.symptoms[0].points[0].value"))
        .hasMessageContaining("1.5");
  }

  @Test
  void shouldRejectSeriesWhenNoPointFollowsTheOnset() {
    Incident incident = incident(series(MetricKind.METRIC_KIND_ERROR_RATE, 0, T0 - 10, 0.1));

    assertThatThrownBy(() -> SymptomsMapper.symptoms(incident, TWIN))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("incident.symptoms[0].points"));
  }

  @Test
  void shouldMapADependencyTargetToItsCallSeriesWhenTheTwinHasIt() {
    Incident known =
        incident(
            dependency(
                series(MetricKind.METRIC_KIND_LATENCY_P50, 0, T0 + 10, 180), "payment-gateway"),
            dependency(
                series(MetricKind.METRIC_KIND_ERROR_RATE, 0, T0 + 10, 0.3), "payment-gateway"),
            dependency(
                series(MetricKind.METRIC_KIND_THROUGHPUT, 5, T0 + 10, 6), "payment-gateway"));
    Symptoms s = SymptomsMapper.symptoms(known, TWIN);
    assertThat(s.names()).containsExactly("payment-gateway");
    assertThat(s.endpoints().get(0).points().get(0).errorRate()).isEqualTo(0.3);
    assertThat(s.endpoints().get(0).points().get(0).p50()).isEqualTo(0.18);

    Incident unknown =
        incident(dependency(series(MetricKind.METRIC_KIND_ERROR_RATE, 0, T0 + 10, 0.3), "stripe"));
    assertThatThrownBy(() -> SymptomsMapper.symptoms(unknown, TWIN))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("incident.symptoms[0].target"))
        .hasMessageContaining("unknown dependency 'stripe'");
  }

  private static SymptomSeries dependency(SymptomSeries s, String name) {
    return s.toBuilder().setTarget(Target.newBuilder().setDependency(name)).build();
  }

  private static Incident incident(SymptomSeries... series) {
    Incident.Builder b = Incident.newBuilder().setOnset(Timestamp.newBuilder().setSeconds(T0));
    for (SymptomSeries s : series) {
      b.addSymptoms(s);
    }
    return b.build();
  }

  private static SymptomSeries series(MetricKind metric, double baseline, double... timeValue) {
    SymptomSeries.Builder s =
        SymptomSeries.newBuilder()
            .setTarget(ReferenceShop.target("frontend", "GET /browse"))
            .setMetric(metric)
            .setBaseline(baseline)
            .setResolution(Duration.newBuilder().setSeconds(10));
    for (int i = 0; i < timeValue.length; i += 2) {
      s.addPoints(
          SeriesPoint.newBuilder()
              .setTime(Timestamp.newBuilder().setSeconds((long) timeValue[i]))
              .setValue(timeValue[i + 1]));
    }
    return s.build();
  }
}
