package io.rehearsal.policy;

import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The sandbox evidence for the requested candidate, as the gateway fetched it from the store by its
 * hash. It is an input to the engine and never comes from the request itself.
 *
 * @param hash the evidence hash the decision is bound to
 * @param rank 1-based rank of the candidate in its evaluation (1 = best)
 * @param best true when the candidate is the evaluation's recommended one
 * @param flags warnings attached to the evidence
 * @param probabilityOfImprovement fraction of paired replications where the candidate's utility
 *     beat "do nothing", in [0, 1]
 * @param utilityCiLower lower bound of the utility difference's confidence interval
 * @param utilityCiUpper upper bound of the utility difference's confidence interval
 * @param recommendation what the evaluation recommended overall
 * @param createdAt when the evaluation produced it
 */
public record Evidence(
    String hash,
    int rank,
    boolean best,
    Set<EvidenceFlag> flags,
    double probabilityOfImprovement,
    double utilityCiLower,
    double utilityCiUpper,
    Recommendation.Kind recommendation,
    Instant createdAt) {

  /** Copies the flags and checks the ranges. */
  public Evidence {
    Objects.requireNonNull(hash, "evidence.hash");
    if (rank < 1) {
      throw new IllegalArgumentException("evidence.rank must be >= 1, but was " + rank);
    }
    if (!(probabilityOfImprovement >= 0 && probabilityOfImprovement <= 1)) {
      throw new IllegalArgumentException(
          "evidence.p_improvement must be in [0, 1], but was " + probabilityOfImprovement);
    }
    if (!(utilityCiLower <= utilityCiUpper)) {
      throw new IllegalArgumentException(
          "evidence.utility_ci must have lower <= upper, but was ["
              + utilityCiLower
              + ", "
              + utilityCiUpper
              + "]");
    }
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    Objects.requireNonNull(recommendation, "evidence.recommendation");
    Objects.requireNonNull(createdAt, "evidence.created_at");
  }

  /**
   * True when the evidence does not show the candidate beating "do nothing": a flag saying so, or a
   * recommendation to do nothing.
   */
  public boolean inconclusive() {
    return flags.contains(EvidenceFlag.NO_EFFECT)
        || flags.contains(EvidenceFlag.WORSE_THAN_DO_NOTHING)
        || flags.contains(EvidenceFlag.PRECISION_NOT_REACHED)
        || recommendation == Recommendation.Kind.DO_NOTHING;
  }
}
