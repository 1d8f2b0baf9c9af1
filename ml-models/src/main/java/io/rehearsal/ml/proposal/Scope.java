package io.rehearsal.ml.proposal;

/** Where an action applies, relative to the suspect. */
public enum Scope {
  /** The suspect service itself. */
  SUSPECT,
  /** Each service (or, for CALL_POLICY, each endpoint) that calls the suspect. */
  CALLERS,
  /** The entry endpoints the incident's symptoms are on (or the suspect's, if it is an entry). */
  ENTRY;

  /**
   * Where {@code action} on {@code target} applies relative to the faulty service or dependency
   * {@code faulty}: a call policy always to the callers, shedding at the entry, anything else to
   * the suspect when it targets it and to its callers otherwise.
   */
  public static Scope of(ActionKind action, String target, String faulty) {
    return switch (action) {
      case CALL_POLICY -> CALLERS;
      case SHED_LOAD -> ENTRY;
      default -> target.equals(faulty) ? SUSPECT : CALLERS;
    };
  }
}
