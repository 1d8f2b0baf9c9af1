package io.rehearsal.policy;

/** What a matching rule decides, from least to most restrictive. */
public enum Effect {
  /** Approve automatically. */
  ALLOW,
  /** Allow only after the rule's number of human approvals. */
  REQUIRE_APPROVAL,
  /** Refuse. */
  DENY;

  /** True when this effect refuses or asks more than {@code other}. */
  public boolean stricterThan(Effect other) {
    return compareTo(other) > 0;
  }
}
