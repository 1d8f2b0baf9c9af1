package io.rehearsal.rehearse.evaluation;

import java.util.List;
import java.util.Set;

/**
 * Everything the evaluation learned about one candidate (the proto's {@code Evidence}).
 *
 * @param candidate the candidate's name
 * @param outcome distributions of its metrics
 * @param vsDoNothing paired differences candidate minus "do nothing", one per {@link Metric} in
 *     enum order, over the candidate's replications
 * @param replications replications run for it (each paired with a "do nothing" replication)
 * @param eliminatedEarly whether the procedure stopped simulating it as clearly worse than another
 *     arm
 * @param rank 1-based position among candidates (1 = best)
 * @param score risk-adjusted score with its components
 * @param flags warnings, in enum order
 * @param blastRadius the candidate's blast radius, echoed for the tie-break
 */
public record CandidateEvidence(
    String candidate,
    ArmOutcome outcome,
    List<MetricDifference> vsDoNothing,
    int replications,
    boolean eliminatedEarly,
    int rank,
    Score score,
    Set<EvidenceFlag> flags,
    double blastRadius) {
  /** Copies the collections. */
  public CandidateEvidence {
    vsDoNothing = List.copyOf(vsDoNothing);
    flags = Set.copyOf(flags);
  }

  /** The paired difference for one metric. */
  public MetricDifference difference(Metric metric) {
    return vsDoNothing.get(metric.ordinal());
  }

  /** Whether a flag is raised. */
  public boolean flagged(EvidenceFlag flag) {
    return flags.contains(flag);
  }

  CandidateEvidence withRank(int newRank) {
    return new CandidateEvidence(
        candidate,
        outcome,
        vsDoNothing,
        replications,
        eliminatedEarly,
        newRank,
        score,
        flags,
        blastRadius);
  }
}
