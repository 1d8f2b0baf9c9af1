package io.rehearsal.sandbox.mapping;

import com.google.protobuf.CodedOutputStream;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.EvidenceFlag;
import io.rehearsal.proto.v1.Outcome;
import io.rehearsal.proto.v1.OutcomeStatistics;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.Score;
import io.rehearsal.proto.v1.ScoreComponent;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.rehearse.evaluation.ArmOutcome;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The twin's {@link CandidateEvidence} to the contract's {@link Evidence}, hashed: p99 latency goes
 * from seconds to milliseconds, flags are listed in enum order, and {@code evidence_hash} is the
 * SHA-256 of the deterministic encoding with the hash and {@code twin_fidelity} cleared: fidelity
 * is what was known about the twin when the evidence was produced (it changes as the detector
 * measures drift), not part of what was simulated, so the same simulation has the same hash.
 */
public final class EvidenceMapper {

  private static final double MS = 1000;

  private EvidenceMapper() {}

  /**
   * The evidence of one candidate of evaluation {@code evaluationId}, with its hash and the
   * fidelity of the twin it ran on (not hashed).
   */
  public static Evidence evidence(
      CandidateEvidence e,
      Remediation candidate,
      String evaluationId,
      String twinSnapshotHash,
      TwinFidelity fidelity) {
    Evidence.Builder b =
        Evidence.newBuilder()
            .setCandidate(candidate)
            .setEvaluationId(evaluationId)
            .setOutcome(outcome(e.outcome()))
            .setVsDoNothing(comparison(e))
            .setReplications(e.replications())
            .setEliminatedEarly(e.eliminatedEarly())
            .setRank(e.rank())
            .setScore(score(e.score()))
            .setTwinSnapshotHash(twinSnapshotHash);
    for (io.rehearsal.rehearse.evaluation.EvidenceFlag f :
        io.rehearsal.rehearse.evaluation.EvidenceFlag.values()) {
      if (e.flagged(f)) {
        b.addFlags(EvidenceFlag.valueOf("EVIDENCE_FLAG_" + f.name()));
      }
    }
    Evidence unhashed = b.build();
    return unhashed.toBuilder().setEvidenceHash(hash(unhashed)).setTwinFidelity(fidelity).build();
  }

  /**
   * SHA-256 (lowercase hex) of the deterministic encoding of {@code e} with its hash and twin
   * fidelity cleared.
   */
  public static String hash(Evidence e) {
    return sha256(deterministic(e.toBuilder().clearEvidenceHash().clearTwinFidelity().build()));
  }

  /** Outcome statistics of an arm. */
  public static Outcome outcome(ArmOutcome a) {
    return Outcome.newBuilder()
        .setSloAttainment(stats(a.of(Metric.SLO_ATTAINMENT), 1))
        .setP99LatencyMs(stats(a.of(Metric.P99_LATENCY), MS))
        .setErrorRate(stats(a.of(Metric.ERROR_RATE), 1))
        .setTimeToRecoverSeconds(stats(a.of(Metric.TIME_TO_RECOVER), 1))
        .setCostReplicaSeconds(stats(a.of(Metric.COST), 1))
        .setGradedSloAttainment(stats(a.of(Metric.GRADED_SLO_ATTAINMENT), 1))
        .build();
  }

  /** The deterministic binary encoding of a message. */
  public static byte[] deterministic(com.google.protobuf.Message m) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      m.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 in lowercase hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static OutcomeStatistics stats(
      io.rehearsal.rehearse.evaluation.OutcomeStatistics s, double k) {
    return OutcomeStatistics.newBuilder()
        .setMean(s.mean() * k)
        .setStddev(s.stddev() * k)
        .setCount(s.count())
        .setMin(s.min() * k)
        .setP10(s.p10() * k)
        .setP50(s.p50() * k)
        .setP90(s.p90() * k)
        .setMax(s.max() * k)
        .setWorstDecileMean(s.worstDecileMean() * k)
        .build();
  }

  private static PairedComparison comparison(CandidateEvidence e) {
    return PairedComparison.newBuilder()
        .setSloAttainment(difference(e.difference(Metric.SLO_ATTAINMENT), 1))
        .setP99LatencyMs(difference(e.difference(Metric.P99_LATENCY), MS))
        .setErrorRate(difference(e.difference(Metric.ERROR_RATE), 1))
        .setTimeToRecoverSeconds(difference(e.difference(Metric.TIME_TO_RECOVER), 1))
        .setCostReplicaSeconds(difference(e.difference(Metric.COST), 1))
        .setUtility(difference(e.difference(Metric.UTILITY), 1))
        .setGradedSloAttainment(difference(e.difference(Metric.GRADED_SLO_ATTAINMENT), 1))
        .build();
  }

  private static PairedDifference difference(MetricDifference d, double k) {
    return PairedDifference.newBuilder()
        .setMean(d.mean() * k)
        .setStddev(d.stddev() * k)
        .setCi(
            ConfidenceInterval.newBuilder()
                .setLower(d.ciLow() * k)
                .setUpper(d.ciHigh() * k)
                .setLevel(0.95))
        .setProbabilityOfImprovement(d.fractionImproved())
        .build();
  }

  /** The contract's form of a score. */
  public static Score score(io.rehearsal.rehearse.evaluation.Score s) {
    Score.Builder b = Score.newBuilder().setValue(s.value());
    for (io.rehearsal.rehearse.evaluation.ScoreComponent c : s.components()) {
      b.addComponents(
          ScoreComponent.newBuilder()
              .setName(c.name())
              .setInput(c.input())
              .setWeight(c.weight())
              .setContribution(c.contribution())
              .setExplanation(c.explanation()));
    }
    return b.build();
  }
}
