package io.rehearsal.example.loop;

import com.google.protobuf.Timestamp;
import io.rehearsal.gateway.decision.StoredDecision;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.RedisStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** An evaluation stored the way the sandbox stores it, its candidates ranked as listed. */
final class SandboxEvaluation {

  static final String ID = "eval-checkout-7";

  static final Remediation SCALE_UP =
      Remediation.newBuilder()
          .setId("scale-checkout")
          .setScale(Remediation.Scale.newBuilder().setDelta(2))
          .setTarget(Target.newBuilder().setService("checkout"))
          .setSummary("checkout +2 replicas")
          .build();

  static final Remediation SCALE_TO_ZERO =
      Remediation.newBuilder()
          .setId("scale-zero")
          .setScale(Remediation.Scale.newBuilder().setAbsolute(0))
          .setTarget(Target.newBuilder().setService("checkout"))
          .build();

  static final Remediation ROLLBACK =
      Remediation.newBuilder()
          .setId("rollback-checkout")
          .setRollback(Remediation.Rollback.newBuilder().setToVersion("1.41.2"))
          .setTarget(Target.newBuilder().setService("checkout"))
          .build();

  private SandboxEvaluation() {}

  /** Stores the evaluation of {@code candidates} (ranked in this order) finished at {@code at}. */
  static void store(RedisStore store, Instant at, List<Remediation> candidates) {
    Evaluation.Builder e =
        Evaluation.newBuilder()
            .setId(ID)
            .setIncidentId("inc-7")
            .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
            .setCreatedAt(timestamp(at.minusSeconds(60)))
            .setFinishedAt(timestamp(at))
            .setRecommendation(candidates.get(0).getId() + " restores every SLO")
            .setRecommendationKind(RecommendationKind.RECOMMENDATION_KIND_RESTORES);
    for (int i = 0; i < candidates.size(); i++) {
      e.addEvidence(evidence(candidates.get(i), i + 1, at));
      e.addRanking(candidates.get(i).getId());
    }
    store.evaluations().put(ID, StoredDecision.deterministic(e.build()), at);
  }

  private static Evidence evidence(Remediation candidate, int rank, Instant at) {
    PairedDifference utility =
        PairedDifference.newBuilder()
            .setMean(0.04)
            .setCi(ConfidenceInterval.newBuilder().setLower(0.02).setUpper(0.06).setLevel(0.95))
            .setProbabilityOfImprovement(0.97)
            .build();
    Evidence unhashed =
        Evidence.newBuilder()
            .setCandidate(candidate)
            .setEvaluationId(ID)
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

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
