package io.rehearsal.rehearse.evaluation;

/** Warnings attached to a candidate's evidence (the proto's {@code EvidenceFlag}). */
public enum EvidenceFlag {
  /** The utility difference's confidence interval lies entirely below 0. */
  WORSE_THAN_DO_NOTHING,
  /**
   * Not distinguishable from "do nothing": the utility difference's 95 % confidence interval
   * contains 0. Such a candidate ranks below "do nothing", which wins the tie.
   */
  NO_EFFECT,
  /** In at least half of the replications the SLOs did not hold again within the run. */
  DOES_NOT_RECOVER,
  /** The cost difference's confidence interval lies entirely above 0. */
  HIGHER_COST,
  /** maxReplications was reached while several arms were still indistinguishable. */
  PRECISION_NOT_REACHED
}
