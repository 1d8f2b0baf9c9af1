package io.rehearsal.policy;

import java.util.Set;

/**
 * The operators' emergency stop: global, or for some targets (by {@link Target#key()}).
 *
 * @param global true stops every remediation
 * @param targets targets whose remediations are stopped
 */
public record KillSwitch(boolean global, Set<String> targets) {

  /** Nothing stopped. */
  public static final KillSwitch OFF = new KillSwitch(false, Set.of());

  /** Copies the set. */
  public KillSwitch {
    targets = Set.copyOf(targets);
  }

  /** True when remediations of {@code action}'s target are stopped. */
  public boolean stops(Action action) {
    return global || targets.contains(action.target().key());
  }
}
