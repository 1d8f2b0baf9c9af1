package io.rehearsal.ml.proposal;

/** Where an action applies, relative to the suspect. */
public enum Scope {
  /** The suspect service itself. */
  SUSPECT,
  /** Each service (or, for CALL_POLICY, each endpoint) that calls the suspect. */
  CALLERS,
  /** The entry endpoints the incident's symptoms are on (or the suspect's, if it is an entry). */
  ENTRY
}
