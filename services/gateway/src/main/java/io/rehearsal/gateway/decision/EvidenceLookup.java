package io.rehearsal.gateway.decision;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.store.Evaluations;
import io.rehearsal.store.Reads;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the evidence a request is decided on: the stored evaluation named by {@code evaluation_id}
 * and, in it, the evidence whose candidate is the requested remediation. The request never carries
 * evidence of its own.
 */
final class EvidenceLookup {

  private final Evaluations evaluations;

  EvidenceLookup(Evaluations evaluations) {
    this.evaluations = evaluations;
  }

  /** An evaluation and the evidence of one of its candidates. */
  record Found(Evaluation evaluation, Evidence evidence) {}

  /**
   * The evidence for {@code remediation} in evaluation {@code evaluationId}.
   *
   * @throws GatewayException NOT_FOUND when the evaluation or the candidate's evidence is unknown;
   *     FAILED_PRECONDITION when the evidence rehearsed a different action or target than the one
   *     requested under the same id
   */
  Found find(String evaluationId, Remediation remediation) {
    return Reads.await(findAsync(evaluationId, remediation));
  }

  /** {@link #find} without waiting, read together with a decision's other records. */
  CompletableFuture<Found> findAsync(String evaluationId, Remediation remediation) {
    return evaluations
        .getAsync(evaluationId)
        .thenApply(bytes -> found(evaluationId, evaluation(evaluationId, bytes), remediation));
  }

  private static Found found(String evaluationId, Evaluation evaluation, Remediation remediation) {
    Evidence evidence =
        evaluation.getEvidenceList().stream()
            .filter(e -> e.getCandidate().getId().equals(remediation.getId()))
            .findFirst()
            .orElseThrow(
                () ->
                    GatewayException.of(
                        GatewayException.Reason.NOT_FOUND,
                        "evaluation "
                            + evaluationId
                            + " holds no evidence for remediation '"
                            + remediation.getId()
                            + "'"));
    if (!sameAction(evidence.getCandidate(), remediation)) {
      throw GatewayException.of(
          GatewayException.Reason.FAILED_PRECONDITION,
          "evaluation "
              + evaluationId
              + " rehearsed another action or target as '"
              + remediation.getId()
              + "'; submit the remediation that was rehearsed");
    }
    return new Found(evaluation, evidence);
  }

  private static Evaluation evaluation(String id, Optional<byte[]> stored) {
    byte[] bytes =
        stored.orElseThrow(
            () ->
                GatewayException.of(
                    GatewayException.Reason.NOT_FOUND, "evaluation " + id + " is unknown"));
    try {
      return Evaluation.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored evaluation " + id + " is not an Evaluation", e);
    }
  }

  /** Same action with the same parameters on the same target; descriptions may differ. */
  static boolean sameAction(Remediation rehearsed, Remediation requested) {
    return rehearsed.getActionCase() == requested.getActionCase()
        && rehearsed
            .getField(actionField(rehearsed))
            .equals(requested.getField(actionField(requested)))
        && rehearsed.getTarget().equals(requested.getTarget());
  }

  private static com.google.protobuf.Descriptors.FieldDescriptor actionField(Remediation r) {
    return Remediation.getDescriptor().findFieldByNumber(r.getActionCase().getNumber());
  }
}
