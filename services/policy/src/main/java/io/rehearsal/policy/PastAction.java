package io.rehearsal.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A remediation already applied to the same target, from the gateway's decision history.
 *
 * @param kind what it did
 * @param at when it was applied
 */
public record PastAction(ActionKind kind, Instant at) {

  /** Checks that nothing is missing. */
  public PastAction {
    Objects.requireNonNull(kind, "recent[].kind");
    Objects.requireNonNull(at, "recent[].at");
  }
}
