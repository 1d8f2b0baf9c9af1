package io.rehearsal.sandbox.testing;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.BlastRadius;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.ReplicationPolicy;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.Severity;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.sandbox.evaluation.Fork;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The reference shop for tests: its calibrated twin (test resource), an incident whose symptoms the
 * twin showed under a known fault (catalog self time x6 unless told otherwise), and candidates.
 */
public final class ReferenceShop {

  /** Onset of the test incident: 2027-01-15T08:00:00Z. */
  public static final long ONSET = 1_800_000_000L;

  private static final double BUCKET = 10;
  private static final double WARMUP = 60;

  private ReferenceShop() {}

  /** The calibrated twin. */
  public static TwinSpec twin() {
    try (InputStream in = ReferenceShop.class.getResourceAsStream("/reference-shop/twin.yaml")) {
      return TwinSpecs.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The twin's canonical snapshot bytes. */
  public static byte[] snapshot() {
    return Fork.canonical(twin());
  }

  /** Catalog self time x6 from the onset: the incident the tests rehearse. */
  public static Fault catalogLatency() {
    return new Fault(FaultKind.LATENCY, WARMUP, 0.0, "catalog", 6.0, null);
  }

  /** The incident: the entry endpoints' symptoms under {@code fault}, {@code buckets} x 10 s. */
  public static Incident incident(String twinHash, Fault fault, int buckets) {
    TwinSpec spec = twin();
    SimulationConfig config = new SimulationConfig(WARMUP + buckets * BUCKET, 0, BUCKET, false);
    RunResult run =
        new Simulation(spec, new Scenario("observed", List.of(fault), List.of()), config, 7).run(0);
    List<String> entries = spec.traffic().stream().map(TrafficSpec::endpoint).toList();
    Symptoms symptoms = Symptoms.fromRun(run, WARMUP, buckets, entries);
    Incident.Builder b =
        Incident.newBuilder()
            .setId("inc-ref-shop-1")
            .setTitle("catalog slow: browse p99 up")
            .setOnset(Timestamp.newBuilder().setSeconds(ONSET))
            .setDetectedAt(Timestamp.newBuilder().setSeconds(ONSET + 20))
            .setSeverity(Severity.SEVERITY_HIGH)
            .setTwinSnapshotHash(twinHash);
    for (EndpointSymptoms e : symptoms.endpoints()) {
      double rate =
          spec.traffic().stream()
              .filter(t -> t.endpoint().equals(e.endpoint()))
              .findFirst()
              .orElseThrow()
              .arrivals()
              .rateAt(0);
      b.addSymptoms(series(e, MetricKind.METRIC_KIND_LATENCY_P50, p -> p.p50() * 1000, 0));
      b.addSymptoms(series(e, MetricKind.METRIC_KIND_LATENCY_P99, p -> p.p99() * 1000, 0));
      b.addSymptoms(series(e, MetricKind.METRIC_KIND_ERROR_RATE, SymptomPoint::errorRate, 0));
      b.addSymptoms(series(e, MetricKind.METRIC_KIND_THROUGHPUT, SymptomPoint::throughput, rate));
    }
    return b.build();
  }

  private static SymptomSeries series(
      EndpointSymptoms e,
      MetricKind metric,
      ToDoubleFunction<SymptomPoint> value,
      double baseline) {
    SymptomSeries.Builder s =
        SymptomSeries.newBuilder()
            .setTarget(targetOf(e.endpoint()))
            .setMetric(metric)
            .setBaseline(baseline)
            .setResolution(Duration.newBuilder().setSeconds((long) BUCKET));
    for (int i = 0; i < e.points().size(); i++) {
      s.addPoints(
          SeriesPoint.newBuilder()
              .setTime(Timestamp.newBuilder().setSeconds(ONSET + (long) ((i + 1) * BUCKET)))
              .setValue(value.applyAsDouble(e.points().get(i))));
    }
    return s.build();
  }

  /** The target of a symptom series named as the twin names it: endpoint or dependency. */
  public static Target targetOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0
        ? Target.newBuilder().setDependency(name).build()
        : target(name.substring(0, slash), name.substring(slash + 1));
  }

  /** A target. */
  public static Target target(String service, String endpoint) {
    return Target.newBuilder().setService(service).setEndpoint(endpoint).build();
  }

  /** Scale {@code service} by {@code delta} replicas. */
  public static Remediation scale(String id, String service, int delta) {
    return base(id, service, 0.5)
        .setScale(Remediation.Scale.newBuilder().setDelta(delta))
        .setSummary(service + " " + delta + " replicas")
        .build();
  }

  /** Roll {@code service} back. */
  public static Remediation rollback(String id, String service) {
    return base(id, service, 0.5).setRollback(Remediation.Rollback.getDefaultInstance()).build();
  }

  /** Shed a fraction of the traffic at an entry endpoint. */
  public static Remediation shed(String id, String service, String endpoint, double fraction) {
    return base(id, service, 0.2)
        .setTarget(target(service, endpoint))
        .setShedLoad(Remediation.ShedLoad.newBuilder().setFraction(fraction))
        .build();
  }

  private static Remediation.Builder base(String id, String service, double traffic) {
    return Remediation.newBuilder()
        .setId(id)
        .setTarget(Target.newBuilder().setService(service))
        .setBlastRadius(BlastRadius.newBuilder().setTrafficFraction(traffic).addServices(service))
        .setEstimatedActuationDelay(Duration.newBuilder().setSeconds(10));
  }

  /** A small, fast request: three candidates, 120 s horizon, 4 to 8 replications, seed 42. */
  public static EvaluateRequest request(String twinHash) {
    return EvaluateRequest.newBuilder()
        .setIncident(incident(twinHash, catalogLatency(), 6))
        .addCandidates(rollback("rollback-catalog", "catalog"))
        .addCandidates(scale("scale-catalog", "catalog", 2))
        .addCandidates(shed("shed-browse", "frontend", "GET /browse", 0.5))
        .setHorizon(Duration.newBuilder().setSeconds(120))
        .setReplications(
            ReplicationPolicy.newBuilder()
                .setMinReplications(4)
                .setMaxReplications(8)
                .setProbabilityOfCorrectSelection(0.9)
                .setIndifferenceZone(0.01))
        .setSeed(42)
        .build();
  }
}
