package io.rehearsal.gateway.web;

import com.google.protobuf.Timestamp;
import io.rehearsal.gateway.decision.StoredDecision;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.EvidenceFlag;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.FaultKind;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.Outcome;
import io.rehearsal.proto.v1.OutcomeStatistics;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Score;
import io.rehearsal.proto.v1.ScoreComponent;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.Severity;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * An incident with its symptom series and a succeeded evaluation of three candidates with full
 * evidence (outcomes, paired differences, score decomposition, flags, fitted faults), stored the
 * way the sandbox stores them, under ids unique to one test run (the test Redis keeps its data).
 */
final class WebFixtures {

  static final String REQUESTER = "carol@example.com";
  static final String SENTENCE = "rollback-checkout restores every SLO (time to recover 40 s)";

  /**
   * Candidates in rank order: p99 and error rate each arm is predicted to reach; all act 150 s
   * after the onset (decided at +120 s, 30 s actuation), the rollback recovers within ~40 s, the
   * restart ~60 s, the scale-out ~90 s (a minute of container start first).
   */
  static final List<Remediation> CANDIDATES =
      List.of(
          remediation("rollback-checkout", "roll checkout back to 1.41.2").toBuilder()
              .setRollback(Remediation.Rollback.newBuilder().setToVersion("1.41.2"))
              .build(),
          remediation("scale-checkout", "checkout +2 replicas").toBuilder()
              .setScale(Remediation.Scale.newBuilder().setDelta(2))
              .build(),
          remediation("restart-checkout", "rolling restart of checkout").toBuilder()
              .setRestart(Remediation.Restart.newBuilder().setRolling(true).setMaxUnavailable(1))
              .build());

  private static final double[] P99 = {180, 320, 610};
  private static final double[] ERRORS = {0.004, 0.012, 0.03};

  private WebFixtures() {}

  /**
   * Opens an incident in the detector's lifecycle (as the detector does; its id is the one the
   * lifecycle gives) and stores evaluation {@code "<prefix>-eval"} of it.
   */
  static Evaluation store(RedisStore store, String prefix, Instant at) {
    return store(store, prefix, at, true);
  }

  /**
   * As {@link #store(RedisStore, String, Instant)}; without {@code predicted_series} when {@code
   * withSeries} is false, as the sandbox stored evaluations before it recorded them.
   */
  static Evaluation store(RedisStore store, String prefix, Instant at, boolean withSeries) {
    StoreConfig defaults = StoreConfig.defaults();
    String id;
    try (IncidentLifecycle incidents =
        IncidentLifecycle.connect(
            store.uri(),
            defaults.keyPrefix(),
            defaults.commandTimeout(),
            IncidentLifecycle.DEFAULT_RETAINED)) {
      id =
          incidents
              .open(
                  List.of("web-fixture-" + prefix),
                  StoredDecision.deterministic(incident("", at)),
                  at.toEpochMilli(),
                  Duration.ZERO,
                  "checkout p99 and errors above SLO")
              .id();
    }
    Incident incident = incident(id, at);
    Evaluation.Builder e =
        Evaluation.newBuilder()
            .setId(prefix + "-eval")
            .setIncidentId(incident.getId())
            .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
            .setCreatedAt(ts(at.minusSeconds(60)))
            .setFinishedAt(ts(at))
            .setHorizon(com.google.protobuf.Duration.newBuilder().setSeconds(900))
            .setRecommendation(SENTENCE)
            .setRecommendationKind(RecommendationKind.RECOMMENDATION_KIND_RESTORES)
            .setBaseline(outcome(900, 0.08))
            .addFaultHypotheses(hypothesis(FaultKind.FAULT_KIND_LATENCY_MULTIPLIER, 4.0, 0.91, at))
            .addFaultHypotheses(hypothesis(FaultKind.FAULT_KIND_CAPACITY_LOSS, 0.5, 0.62, at));
    for (int i = 0; i < CANDIDATES.size(); i++) {
      e.addEvidence(evidence(e.getId(), CANDIDATES.get(i), i, at));
      e.addRanking(CANDIDATES.get(i).getId());
    }
    if (withSeries) {
      e.setPredictedSeries(PredictedFixture.series(at.minusSeconds(600), P99, ERRORS));
    }
    Evaluation evaluation = e.build();
    store.evaluations().put(evaluation.getId(), StoredDecision.deterministic(evaluation), at);
    return evaluation;
  }

  /**
   * A production request for candidate {@code index} of {@code evaluation}, by {@link #REQUESTER}.
   */
  static RemediationRequest request(String requestId, Evaluation evaluation, int index) {
    return RemediationRequest.newBuilder()
        .setRequestId(requestId)
        .setRemediation(CANDIDATES.get(index))
        .setIncidentId(evaluation.getIncidentId())
        .setEnvironment(Environment.ENVIRONMENT_PRODUCTION)
        .setEvaluationId(evaluation.getId())
        .setRequester(REQUESTER)
        .setReason("p99 above SLO on checkout")
        .build();
  }

  private static Remediation remediation(String id, String summary) {
    return Remediation.newBuilder()
        .setId(id)
        .setSummary(summary)
        .setTarget(Target.newBuilder().setService("checkout"))
        .build();
  }

  private static Incident incident(String id, Instant at) {
    Incident.Builder i =
        Incident.newBuilder()
            .setId(id)
            .setTitle("checkout p99 and errors above SLO")
            .setSeverity(Severity.SEVERITY_HIGH)
            .setEnvironment(Environment.ENVIRONMENT_PRODUCTION)
            .setOnset(ts(at.minusSeconds(600)))
            .setDetectedAt(ts(at.minusSeconds(480)));
    i.addSymptoms(series(MetricKind.METRIC_KIND_LATENCY_P99, 150, 900, at));
    i.addSymptoms(series(MetricKind.METRIC_KIND_ERROR_RATE, 0.002, 0.08, at));
    return i.build();
  }

  /** Twelve points a minute apart, flat at {@code baseline} then rising to {@code peak}. */
  private static SymptomSeries series(MetricKind metric, double baseline, double peak, Instant at) {
    SymptomSeries.Builder s =
        SymptomSeries.newBuilder()
            .setTarget(Target.newBuilder().setService("checkout"))
            .setMetric(metric)
            .setBaseline(baseline)
            .setResolution(com.google.protobuf.Duration.newBuilder().setSeconds(60));
    for (int m = 0; m < 12; m++) {
      double v = m < 2 ? baseline : baseline + (peak - baseline) * Math.min(1, (m - 1) / 6.0);
      s.addPoints(
          SeriesPoint.newBuilder().setTime(ts(at.minusSeconds(60L * (12 - m)))).setValue(v));
    }
    return s.build();
  }

  private static FaultHypothesis hypothesis(
      FaultKind kind, double magnitude, double fit, Instant at) {
    return FaultHypothesis.newBuilder()
        .setTarget(Target.newBuilder().setService("checkout"))
        .setKind(kind)
        .setMagnitude(magnitude)
        .setOnset(ts(at.minusSeconds(600)))
        .setGoodnessOfFit(fit)
        .build();
  }

  private static Evidence evidence(String evaluationId, Remediation candidate, int i, Instant at) {
    Evidence unhashed =
        Evidence.newBuilder()
            .setCandidate(candidate)
            .setEvaluationId(evaluationId)
            .setOutcome(outcome(P99[i], ERRORS[i]))
            .setVsDoNothing(
                PairedComparison.newBuilder()
                    .setUtility(diff(0.06 - 0.02 * i, 0.97 - 0.1 * i))
                    .setP99LatencyMs(diff(P99[i] - 900, 0.95))
                    .setErrorRate(diff(ERRORS[i] - 0.08, 0.9)))
            .setReplications(20)
            .setRank(i + 1)
            .setScore(score(0.9 - 0.05 * i))
            .addAllFlags(i == 2 ? List.of(EvidenceFlag.EVIDENCE_FLAG_HIGHER_COST) : List.of())
            .setTwinSnapshotHash("a".repeat(64))
            .build();
    return unhashed.toBuilder()
        .setEvidenceHash(sha256(StoredDecision.deterministic(unhashed)))
        .setTwinFidelity(
            TwinFidelity.newBuilder()
                .setLatencyP50Mape(0.05)
                .setLatencyP99Mape(0.08)
                .setThroughputMape(0.02)
                .setCalibratedAt(ts(at.minus(Duration.ofHours(1)))))
        .build();
  }

  private static Outcome outcome(double p99, double errors) {
    return Outcome.newBuilder()
        .setP99LatencyMs(OutcomeStatistics.newBuilder().setMean(p99).setCount(20))
        .setErrorRate(OutcomeStatistics.newBuilder().setMean(errors).setCount(20))
        .build();
  }

  private static PairedDifference diff(double mean, double pImprovement) {
    double half = Math.abs(mean) * 0.3 + 1e-3;
    return PairedDifference.newBuilder()
        .setMean(mean)
        .setCi(
            ConfidenceInterval.newBuilder()
                .setLower(mean - half)
                .setUpper(mean + half)
                .setLevel(0.95))
        .setProbabilityOfImprovement(pImprovement)
        .build();
  }

  private static Score score(double value) {
    return Score.newBuilder()
        .setValue(value)
        .addComponents(component("slo_attainment", value + 0.02, 1, "graded SLO attainment"))
        .addComponents(component("cost", 2000, -0.00001, "cost 2000 replica-s x -0.00001"))
        .build();
  }

  private static ScoreComponent component(String name, double input, double weight, String text) {
    return ScoreComponent.newBuilder()
        .setName(name)
        .setInput(input)
        .setWeight(weight)
        .setContribution(input * weight)
        .setExplanation(text)
        .build();
  }

  static Timestamp ts(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
