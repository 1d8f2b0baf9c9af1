package io.rehearsal.rehearse.evaluation;

/** Warnings attached to a candidate's evidence (the proto's {@code EvidenceFlag}). */
public enum EvidenceFlag {
  /** The utility difference's confidence interval lies entirely below 0. */
  WORSE_THAN_DO_NOTHING,
  /** The utility difference's confidence interval contains 0. */
  NO_SIGNIFICANT_DIFFERENCE,
  /** In at least half of the replications the SLOs did not hold again within the run. */
  DOES_NOT_RECOVER,
  /** The cost difference's confidence interval lies entirely above 0. */
  HIGHER_COST,
  /** maxReplications was reached while several arms were still indistinguishable. */
  PRECISION_NOT_REACHED
}
