package io.rehearsal.policy;

/**
 * How one built-in guard was applied.
 *
 * @param guard which guard
 * @param triggered true when its condition held
 * @param before the effect before the guard
 * @param after the effect after the guard (stricter than {@code before} when it changed it)
 * @param detail what the guard saw, e.g. {@code flags [NO_EFFECT]} or {@code evidence age 2h > 1h}
 */
public record GuardTrace(
    Guard guard, boolean triggered, Effect before, Effect after, String detail) {

  /** True when the guard changed the effect. */
  public boolean changed() {
    return before != after;
  }

  /** The built-in guards, in the order they run. No policy can switch one off. */
  public enum Guard {
    /** The kill switch (global or for the target) is on: DENY. */
    KILL_SWITCH,
    /** A freeze window covers the action now: DENY. */
    FREEZE,
    /** The evidence says the candidate is worse than doing nothing: ALLOW becomes DENY. */
    WORSE_THAN_DO_NOTHING,
    /**
     * No evidence, or it does not show the candidate beating "do nothing": ALLOW becomes
     * REQUIRE_APPROVAL.
     */
    INCONCLUSIVE_EVIDENCE,
    /** The evidence is older than the configured bound: ALLOW becomes REQUIRE_APPROVAL. */
    STALE_EVIDENCE,
    /**
     * The twin is unknown, marked stale, or calibrated longer ago than the bound: ALLOW becomes
     * REQUIRE_APPROVAL.
     */
    STALE_TWIN,
    /**
     * The rate limit on automatic actions (for the target, or globally) is used up: ALLOW becomes
     * REQUIRE_APPROVAL, so a loop that keeps firing cannot act faster than the limit allows.
     */
    RATE_LIMIT;

    /** The name used in reasons, e.g. {@code kill-switch}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
