package io.rehearsal.gateway;

import com.google.protobuf.Timestamp;
import io.rehearsal.gateway.decision.StoredDecision;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.RedisStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Remediations, requests and evaluations stored the way the sandbox stores them. */
public final class Fixtures {

  static final String EVALUATION = "eval-checkout-1";

  private Fixtures() {}

  static Remediation scaleUp() {
    return Remediation.newBuilder()
        .setId("scale-checkout")
        .setScale(Remediation.Scale.newBuilder().setDelta(2))
        .setTarget(Target.newBuilder().setService("checkout"))
        .setSummary("checkout +2 replicas")
        .build();
  }

  static Remediation scaleToZero() {
    return Remediation.newBuilder()
        .setId("scale-zero")
        .setScale(Remediation.Scale.newBuilder().setAbsolute(0))
        .setTarget(Target.newBuilder().setService("checkout"))
        .build();
  }

  static Remediation rollback() {
    return Remediation.newBuilder()
        .setId("rollback-checkout")
        .setRollback(Remediation.Rollback.newBuilder().setToVersion("1.41.2"))
        .setTarget(Target.newBuilder().setService("checkout"))
        .build();
  }

  static Remediation restart() {
    return Remediation.newBuilder()
        .setId("restart-checkout")
        .setRestart(Remediation.Restart.newBuilder().setRolling(true).setMaxUnavailable(1))
        .setTarget(Target.newBuilder().setService("checkout"))
        .build();
  }

  static RemediationRequest request(String requestId, Remediation r, Environment environment) {
    return RemediationRequest.newBuilder()
        .setRequestId(requestId)
        .setRemediation(r)
        .setIncidentId("inc-42")
        .setEnvironment(environment)
        .setEvaluationId(EVALUATION)
        .setRequester("loop:checkout-guard")
        .setReason("p99 above SLO")
        .build();
  }

  /**
   * A succeeded evaluation of every fixture remediation, scale-checkout ranked first with strong
   * evidence, on a twin calibrated an hour before {@code at}; stored as the sandbox stores it.
   */
  static Evaluation storeEvaluation(RedisStore store, Instant at) {
    return storeEvaluation(
        store,
        at,
        EVALUATION,
        "inc-42",
        "scale-checkout restores every SLO (time to recover 40 s)",
        List.of(scaleUp(), rollback(), restart(), scaleToZero()));
  }

  /**
   * A succeeded evaluation {@code id} of {@code candidates}, ranked in that order with the same
   * strong evidence each, on a twin calibrated an hour before {@code at}; stored as the sandbox
   * stores it. Shared by every gateway test that needs evidence (Slack's too).
   */
  public static Evaluation storeEvaluation(
      RedisStore store,
      Instant at,
      String id,
      String incidentId,
      String recommendation,
      List<Remediation> candidates) {
    Evaluation.Builder e =
        Evaluation.newBuilder()
            .setId(id)
            .setIncidentId(incidentId)
            .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
            .setCreatedAt(timestamp(at.minusSeconds(60)))
            .setFinishedAt(timestamp(at))
            .setRecommendation(recommendation)
            .setRecommendationKind(RecommendationKind.RECOMMENDATION_KIND_RESTORES);
    for (int i = 0; i < candidates.size(); i++) {
      e.addEvidence(evidence(id, candidates.get(i), i + 1, at));
      e.addRanking(candidates.get(i).getId());
    }
    Evaluation evaluation = e.build();
    store.evaluations().put(id, StoredDecision.deterministic(evaluation), at);
    return evaluation;
  }

  private static Evidence evidence(
      String evaluationId, Remediation candidate, int rank, Instant at) {
    PairedDifference utility =
        PairedDifference.newBuilder()
            .setMean(0.04)
            .setCi(ConfidenceInterval.newBuilder().setLower(0.02).setUpper(0.06).setLevel(0.95))
            .setProbabilityOfImprovement(0.97)
            .build();
    Evidence unhashed =
        Evidence.newBuilder()
            .setCandidate(candidate)
            .setEvaluationId(evaluationId)
            .setVsDoNothing(PairedComparison.newBuilder().setUtility(utility))
            .setReplications(20)
            .setRank(rank)
            .setTwinSnapshotHash("a".repeat(64))
            .build();
    return unhashed.toBuilder()
        .setEvidenceHash(sha256(StoredDecision.deterministic(unhashed)))
        .setTwinFidelity(
            TwinFidelity.newBuilder()
                .setLatencyP50Mape(0.05)
                .setLatencyP99Mape(0.08)
                .setThroughputMape(0.02)
                .setCalibratedAt(timestamp(at.minus(Duration.ofHours(1)))))
        .build();
  }

  static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
