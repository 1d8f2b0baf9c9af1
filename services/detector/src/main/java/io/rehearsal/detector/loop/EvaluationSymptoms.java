package io.rehearsal.detector.loop;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.incident.Incidents;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The symptoms the sandbox reproduces, from the spans the detector received: for every endpoint
 * (and external dependency) seen after the onset, p50, p99, error rate and throughput in buckets of
 * {@link #BUCKET_SECONDS} from the onset, each with its healthy baseline from before the onset. The
 * detector's own symptoms say why an incident opened (one point each, burn rates among them); the
 * sandbox fits a fault to the whole picture, entry traffic included, so it gets this instead.
 */
final class EvaluationSymptoms {

  /** Bucket width, as in the recorded incidents the sandbox is checked against. */
  static final double BUCKET_SECONDS = 2.0;

  /** At most this much after the onset is sent. */
  static final double MAX_WINDOW_SECONDS = 60.0;

  /** Baseline: up to this much before the onset. */
  static final double BASELINE_SECONDS = 60.0;

  private static final ToDoubleFunction<SymptomPoint> P50_MS = p -> p.p50() * 1000;
  private static final ToDoubleFunction<SymptomPoint> P99_MS = p -> p.p99() * 1000;
  private static final ToDoubleFunction<SymptomPoint> ERRORS = SymptomPoint::errorRate;
  private static final ToDoubleFunction<SymptomPoint> RATE = SymptomPoint::throughput;

  private EvaluationSymptoms() {}

  /**
   * {@code incident} with its symptoms replaced by series measured in {@code spans} from {@code
   * onsetMillis}.
   *
   * @throws IllegalArgumentException when the spans hold less than one bucket after the onset or no
   *     endpoint in it
   */
  static Incident of(Incident incident, List<Span> spans, long onsetMillis) {
    long latestEndMillis = 0;
    long firstStartMillis = Long.MAX_VALUE;
    for (Span s : spans) {
      latestEndMillis = Math.max(latestEndMillis, s.endNanos() / 1_000_000);
      firstStartMillis = Math.min(firstStartMillis, s.startNanos() / 1_000_000);
    }
    double after = (latestEndMillis - onsetMillis) / 1000.0;
    double window =
        Math.min(MAX_WINDOW_SECONDS, Math.floor(after / BUCKET_SECONDS) * BUCKET_SECONDS);
    if (window < BUCKET_SECONDS) {
      throw new IllegalArgumentException(
          "the spans received end "
              + after
              + " s after the onset; the sandbox needs at least one "
              + BUCKET_SECONDS
              + " s bucket");
    }
    double before = Math.min(BASELINE_SECONDS, (onsetMillis - firstStartMillis) / 1000.0);
    io.rehearsal.rehearse.incident.Incident measured =
        Incidents.extract(
            incident.getId(),
            incident.getTitle().isEmpty() ? incident.getId() : incident.getTitle(),
            Recording.of(spans, List.of()),
            onsetMillis * 1_000_000,
            window,
            BUCKET_SECONDS,
            Math.max(BUCKET_SECONDS, Math.floor(before / BUCKET_SECONDS) * BUCKET_SECONDS),
            null);
    List<SymptomSeries> series = new ArrayList<>();
    for (EndpointSymptoms e : measured.symptoms().endpoints()) {
      SymptomPoint base = measured.baseline().get(e.endpoint());
      Target target = target(e.endpoint());
      series.add(series(target, MetricKind.METRIC_KIND_LATENCY_P50, e, base, onsetMillis, P50_MS));
      series.add(series(target, MetricKind.METRIC_KIND_LATENCY_P99, e, base, onsetMillis, P99_MS));
      series.add(series(target, MetricKind.METRIC_KIND_ERROR_RATE, e, base, onsetMillis, ERRORS));
      series.add(series(target, MetricKind.METRIC_KIND_THROUGHPUT, e, base, onsetMillis, RATE));
    }
    return incident.toBuilder()
        .setOnset(millis(onsetMillis))
        .clearSymptoms()
        .addAllSymptoms(series)
        .build();
  }

  /** "service/endpoint" is an endpoint; a name without a slash is an external dependency. */
  static Target target(String name) {
    int slash = name.indexOf('/');
    return slash < 0
        ? Target.newBuilder().setDependency(name).build()
        : Target.newBuilder()
            .setService(name.substring(0, slash))
            .setEndpoint(name.substring(slash + 1))
            .build();
  }

  private static SymptomSeries series(
      Target target,
      MetricKind metric,
      EndpointSymptoms e,
      SymptomPoint base,
      long onsetMillis,
      ToDoubleFunction<SymptomPoint> value) {
    SymptomSeries.Builder b =
        SymptomSeries.newBuilder()
            .setTarget(target)
            .setMetric(metric)
            .setResolution(Duration.newBuilder().setSeconds((long) BUCKET_SECONDS))
            .setOnset(millis(onsetMillis));
    List<SymptomPoint> points = e.points();
    for (int i = 0; i < points.size(); i++) {
      long end = onsetMillis + Math.round((i + 1) * BUCKET_SECONDS * 1000);
      b.addPoints(
          SeriesPoint.newBuilder()
              .setTime(millis(end))
              .setValue(value.applyAsDouble(points.get(i))));
    }
    if (base != null && Double.isFinite(value.applyAsDouble(base))) {
      b.setBaseline(value.applyAsDouble(base));
    }
    return b.build();
  }

  private static Timestamp millis(long epochMillis) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochMillis, 1000))
        .setNanos((int) Math.floorMod(epochMillis, 1000) * 1_000_000)
        .build();
  }
}
