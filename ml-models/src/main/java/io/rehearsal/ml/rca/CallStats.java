package io.rehearsal.ml.rca;

import java.util.Objects;

/**
 * Calls from one service to another service or an external dependency, as the caller saw them (from
 * CLIENT spans), before and during the incident. The call graph is the set of these edges.
 *
 * @param caller the calling service
 * @param callee the called service or dependency
 * @param dependency whether the callee is external (it never served a request in the telemetry)
 * @param before the normal window
 * @param during the incident window
 */
public record CallStats(
    String caller, String callee, boolean dependency, Stats before, Stats during) {
  /** Checks that every part is present. */
  public CallStats {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(callee, "callee");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(during, "during");
  }
}
