package io.rehearsal.twin.spec;

/**
 * A timed fault in a scenario.
 *
 * @param kind what happens
 * @param at start time in seconds
 * @param duration seconds it lasts (default 0: until the end, or until a remediation clears it)
 * @param target what it hits (see {@link FaultKind})
 * @param factor its size (see {@link FaultKind}; default 1)
 * @param to second target of a network delay, else null
 */
public record Fault(
    FaultKind kind, double at, Double duration, String target, Double factor, String to) {
  /** Validates the fault and fills defaults. */
  public Fault {
    Check.present("kind", kind);
    Check.nonNegative("at", at);
    duration = Check.nonNegative("duration", Check.or(duration, 0));
    Check.name("target", target);
    factor = Check.nonNegative("factor", Check.or(factor, 1));
    if (kind == FaultKind.ERROR_RATE) {
      Check.probability("factor", factor);
    }
    if (kind == FaultKind.WORKER_LOSS && factor < 1) {
      throw Check.fail(
          "factor", "must be >= 1 for WORKER_LOSS (workers each replica keeps), but was " + factor);
    }
    if (kind == FaultKind.NETWORK_DELAY) {
      Check.name("to", to);
    }
  }

  /** The end time, or positive infinity when it lasts until the end. */
  public double end() {
    return duration > 0 ? at + duration : Double.POSITIVE_INFINITY;
  }
}
