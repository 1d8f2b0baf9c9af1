package io.rehearsal.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * Set-level defaults.
 *
 * @param ttl how long a decision may wait when its rule names no expiry; empty means the gateway's
 *     own default
 * @param approvers who must approve when a guard turns an ALLOW into REQUIRE_APPROVAL
 */
public record PolicyDefaults(Optional<Duration> ttl, Approvers approvers) {

  /** No ttl; one approver from any group. */
  public static final PolicyDefaults NONE = new PolicyDefaults(Optional.empty(), Approvers.one());

  /** Checks that a guard's approval asks for at least one approver. */
  public PolicyDefaults {
    if (approvers.count() < 1) {
      throw new IllegalArgumentException(
          "defaults.approvers.count must be >= 1, but was " + approvers.count());
    }
  }
}
