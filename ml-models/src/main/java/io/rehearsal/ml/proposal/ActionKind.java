package io.rehearsal.ml.proposal;

/**
 * The actions a catalog may propose. The names are the sandbox's remediation kinds ({@code
 * RemediationKind} in twin-core, which this module cannot see), so a proposal maps one to one onto
 * a candidate {@code rehearsal sandbox evaluate --candidates} reads; a test in the CLI checks the
 * names still match.
 */
public enum ActionKind {
  /**
   * Set the target service's replicas ({@code replicas} absolute, or {@code add} to the current).
   */
  SCALE,
  /**
   * Roll the target service back to its previous version (guarded: a version change is visible).
   */
  ROLLBACK,
  /** Restart the target service's replicas one by one. */
  RESTART,
  /** Admit at most a {@code fraction} of the target service's normal request rate. */
  RATE_LIMIT,
  /** Drop a {@code fraction} of the traffic at an entry endpoint. */
  SHED_LOAD,
  /** Change calls from a caller endpoint to the target: {@code timeout} and {@code retries}. */
  CALL_POLICY
}
