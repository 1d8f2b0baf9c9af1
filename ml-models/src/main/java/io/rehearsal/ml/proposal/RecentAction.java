package io.rehearsal.ml.proposal;

import java.util.Objects;

/**
 * An action taken recently, for the cool-down guard.
 *
 * @param target the service (or {@code service/endpoint}) it changed
 * @param kind what it did
 * @param epochSecond when
 */
public record RecentAction(String target, ActionKind kind, long epochSecond) {
  /** Checks that the parts are present. */
  public RecentAction {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
  }
}
