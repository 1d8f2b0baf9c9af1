package io.rehearsal.sandbox.testing;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.rehearsal.otlp.Dataset;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.Severity;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.rehearse.incident.RecordedIncident;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;

/**
 * The reference shop's recorded incidents (ml-models/data/reference-shop): symptoms extracted from
 * the OTLP recording by {@link RecordedIncident#extract}, as the contract's {@code Incident}.
 */
public final class RecordedIncidents {

  /** The dataset, relative to the sandbox module (the tests' working directory). */
  public static final Path DATA = Path.of("../../ml-models/data/reference-shop");

  private static final Dataset DATASET = Dataset.at(DATA);

  private RecordedIncidents() {}

  /**
   * The incident recorded in {@code recording} (e.g. {@code incident-latency.otlp.jsonl.gz}):
   * {@code window} seconds from the labelled onset in {@code bucket}-second points, for the
   * endpoints {@code twin} has, with baselines from the 20 s before the onset.
   */
  public static io.rehearsal.proto.v1.Incident read(
      String recording, TwinSpec twin, String twinHash, double window, double bucket) {
    RecordedIncident r =
        RecordedIncident.read(index()).stream()
            .filter(x -> x.recording().equals(recording))
            .findFirst()
            .orElseThrow();
    Incident extracted =
        r.extract(recording(recording), r.kind() + " on " + r.target(), window, bucket, 20);
    return toProto(extracted, twin, twinHash);
  }

  private static io.rehearsal.proto.v1.Incident toProto(
      Incident in, TwinSpec twin, String twinHash) {
    long onsetMs = in.onsetEpochMs();
    io.rehearsal.proto.v1.Incident.Builder b =
        io.rehearsal.proto.v1.Incident.newBuilder()
            .setId(in.id())
            .setTitle(in.title())
            .setOnset(millis(onsetMs))
            .setDetectedAt(millis(onsetMs + 10_000))
            .setSeverity(Severity.SEVERITY_HIGH)
            .setTwinSnapshotHash(twinHash);
    double bucket = in.symptoms().bucket();
    for (EndpointSymptoms e : in.symptoms().endpoints()) {
      if (!known(twin, e.endpoint())) {
        continue;
      }
      SymptomPoint base = in.baseline().get(e.endpoint());
      b.addSymptoms(
          series(e, onsetMs, bucket, MetricKind.METRIC_KIND_LATENCY_P50, p -> p.p50() * 1000, 0));
      b.addSymptoms(
          series(e, onsetMs, bucket, MetricKind.METRIC_KIND_LATENCY_P99, p -> p.p99() * 1000, 0));
      b.addSymptoms(
          series(
              e, onsetMs, bucket, MetricKind.METRIC_KIND_ERROR_RATE, SymptomPoint::errorRate, 0));
      b.addSymptoms(
          series(
              e,
              onsetMs,
              bucket,
              MetricKind.METRIC_KIND_THROUGHPUT,
              SymptomPoint::throughput,
              base == null ? 0 : base.throughput()));
    }
    return b.build();
  }

  private static boolean known(TwinSpec twin, String endpoint) {
    return twin.services().stream()
        .flatMap(s -> s.endpoints().stream().map(e -> s.name() + "/" + e.name()))
        .anyMatch(n -> n.equals(endpoint) || n.startsWith(endpoint + " @ "));
  }

  private static SymptomSeries series(
      EndpointSymptoms e,
      long onsetMs,
      double bucket,
      MetricKind metric,
      ToDoubleFunction<SymptomPoint> value,
      double baseline) {
    SymptomSeries.Builder s =
        SymptomSeries.newBuilder()
            .setTarget(ReferenceShop.targetOf(e.endpoint()))
            .setMetric(metric)
            .setBaseline(baseline)
            .setResolution(
                Duration.newBuilder()
                    .setNanos((int) Math.round((bucket % 1) * 1e9))
                    .setSeconds((long) bucket));
    for (int i = 0; i < e.points().size(); i++) {
      s.addPoints(
          SeriesPoint.newBuilder()
              .setTime(millis(onsetMs + Math.round((i + 1) * bucket * 1000)))
              .setValue(value.applyAsDouble(e.points().get(i))));
    }
    return s.build();
  }

  private static Timestamp millis(long ms) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(ms, 1000))
        .setNanos((int) Math.floorMod(ms, 1000) * 1_000_000)
        .build();
  }

  private static Path index() {
    try {
      return DATASET.incidents();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Recording recording(String name) {
    try {
      return DATASET.recording(
          name, RecordingOptions.defaults().skippingBadLines((file, summary) -> {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
