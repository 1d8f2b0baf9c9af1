package io.rehearsal.report;

import io.rehearsal.rehearse.evaluation.ArmOutcome;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Metric;

/**
 * One line of the ranking as shown: a candidate, or "do nothing" at the place it would rank.
 *
 * @param name the arm's name
 * @param evidence the candidate's evidence, or null for "do nothing"
 * @param outcome the arm's outcome distributions
 * @param score the arm's score
 * @param replications replications run
 * @param declaredCost the candidate file's declared cost (0 for "do nothing")
 */
public record RankedArm(
    String name,
    CandidateEvidence evidence,
    ArmOutcome outcome,
    double score,
    int replications,
    double declaredCost) {

  static RankedArm candidate(CandidateEvidence e, double declaredCost) {
    return new RankedArm(
        e.candidate(), e, e.outcome(), e.score().value(), e.replications(), declaredCost);
  }

  static RankedArm doNothing(EvaluationResult r) {
    return new RankedArm(
        EvaluationPlan.DO_NOTHING,
        null,
        r.baseline(),
        r.baselineScore().value(),
        r.baselineReplications(),
        0);
  }

  /** Whether this is the "do nothing" arm (it has no evidence against itself). */
  public boolean doNothing() {
    return evidence == null;
  }

  /** The arm's mean of {@code metric} over its replications. */
  public double mean(Metric metric) {
    return outcome.of(metric).mean();
  }
}
