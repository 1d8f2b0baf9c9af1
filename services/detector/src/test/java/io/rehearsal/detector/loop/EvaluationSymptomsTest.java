package io.rehearsal.detector.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.telemetry.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The symptoms the loop sends the sandbox, measured on the reference shop's recording of a 15 ms
 * latency fault on catalog (labelled onset 1795693445540; 30 requests/s, 60 % GET /browse).
 */
class EvaluationSymptomsTest {

  private static final long ONSET_MS = 1_795_693_445_540L;
  private static List<Span> spans;

  @BeforeAll
  static void read() throws IOException {
    spans =
        List.copyOf(
            Recordings.read(
                    data().resolve("incident-latency-catalog-15.otlp.jsonl.gz"),
                    RecordingOptions.defaults())
                .spans());
  }

  @Test
  void shouldGiveEveryEndpointTheFourSeriesTheSandboxNeedsWhenMeasuredAfterTheOnset() {
    Incident measured = EvaluationSymptoms.of(incident(), spans, ONSET_MS);

    assertThat(measured.getSymptomsCount()).isPositive();
    assertThat(measured.getSymptomsCount() % 4).isZero();
    assertThat(measured.getOnset().getSeconds()).isEqualTo(ONSET_MS / 1000);
    for (SymptomSeries s : measured.getSymptomsList()) {
      assertThat(s.getResolution().getSeconds()).isEqualTo(2);
      assertThat(s.getPointsCount()).isBetween(1, 30);
      for (SeriesPoint p : s.getPointsList()) {
        assertThat(p.getTime().getSeconds() * 1000).isGreaterThan(ONSET_MS);
      }
    }
    assertThat(metrics(measured, "frontend", "GET /browse"))
        .containsExactlyInAnyOrder(
            MetricKind.METRIC_KIND_LATENCY_P50,
            MetricKind.METRIC_KIND_LATENCY_P99,
            MetricKind.METRIC_KIND_ERROR_RATE,
            MetricKind.METRIC_KIND_THROUGHPUT);
  }

  @Test
  void shouldCarryTheEntryRateAndTheFaultWhenComparedWithTheBaseline() {
    Incident measured = EvaluationSymptoms.of(incident(), spans, ONSET_MS);

    // 1,303 GET /browse sent in the 70 s window (loadgen.json): 18.6 per second.
    SymptomSeries browse =
        series(measured, "frontend", "GET /browse", MetricKind.METRIC_KIND_THROUGHPUT).get();
    assertThat(browse.getBaseline()).isBetween(18.6 * 0.75, 18.6 * 1.25);
    // catalog's latency was raised by 15 ms (the label's magnitude): its p50 after the onset
    // shows it, within what the buckets' mix of endpoints allows.
    SymptomSeries catalog =
        measured.getSymptomsList().stream()
            .filter(s -> s.getTarget().getService().equals("catalog"))
            .filter(s -> s.getMetric() == MetricKind.METRIC_KIND_LATENCY_P50)
            .findFirst()
            .orElseThrow();
    double during =
        catalog.getPointsList().stream()
            .mapToDouble(SeriesPoint::getValue)
            .filter(Double::isFinite)
            .average()
            .orElseThrow();
    assertThat(during - catalog.getBaseline()).isBetween(7.0, 23.0);
  }

  @Test
  void shouldRefuseWithTheReasonWhenTheSpansEndBeforeOneBucketAfterTheOnset() {
    List<Span> early = spans.stream().filter(s -> s.endNanos() / 1_000_000 < ONSET_MS).toList();

    assertThatThrownBy(() -> EvaluationSymptoms.of(incident(), early, ONSET_MS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the onset");
  }

  @Test
  void shouldNameAnExternalDependencyByItselfWhenTheNameHasNoSlash() {
    assertThat(EvaluationSymptoms.target("payment-gateway").getDependency())
        .isEqualTo("payment-gateway");
    assertThat(EvaluationSymptoms.target("catalog/GET /items").getEndpoint())
        .isEqualTo("GET /items");
  }

  private static Incident incident() {
    return Incident.newBuilder().setId("inc-20261207-0001").setTitle("catalog p99").build();
  }

  private static List<MetricKind> metrics(Incident i, String service, String endpoint) {
    return i.getSymptomsList().stream()
        .filter(s -> s.getTarget().getService().equals(service))
        .filter(s -> s.getTarget().getEndpoint().equals(endpoint))
        .map(SymptomSeries::getMetric)
        .toList();
  }

  private static Optional<SymptomSeries> series(
      Incident i, String service, String endpoint, MetricKind metric) {
    return i.getSymptomsList().stream()
        .filter(s -> s.getTarget().getService().equals(service))
        .filter(s -> s.getTarget().getEndpoint().equals(endpoint))
        .filter(s -> s.getMetric() == metric)
        .findFirst();
  }

  private static Path data() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("ml-models/data/reference-shop"))) {
        return d.resolve("ml-models/data/reference-shop");
      }
    }
    throw new IllegalStateException("ml-models/data/reference-shop not found");
  }
}
