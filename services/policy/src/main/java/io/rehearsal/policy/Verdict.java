package io.rehearsal.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer: a value, never an exception. A "no" is a DENY with reasons.
 *
 * @param effect what may happen
 * @param rule the rule that matched; empty when no rule matched (then {@code effect} is DENY)
 * @param approvers who must approve; {@link Approvers#NONE} unless REQUIRE_APPROVAL
 * @param expiry how long the decision may wait; empty means the gateway's default
 * @param reasons human-readable reasons, the rule's first, then each guard that changed the effect
 * @param policyVersion content hash of the policy set: the decision is bound to it
 * @param evidenceHash hash of the evidence decided on; empty when there was none
 * @param explanation every rule and guard as evaluated
 */
public record Verdict(
    Effect effect,
    Optional<String> rule,
    Approvers approvers,
    Optional<Duration> expiry,
    List<String> reasons,
    String policyVersion,
    Optional<String> evidenceHash,
    Explanation explanation) {

  /** Copies the reasons and checks approvers against the effect. */
  public Verdict {
    reasons = List.copyOf(reasons);
    if ((effect == Effect.REQUIRE_APPROVAL) != (approvers.count() > 0)) {
      throw new IllegalArgumentException(
          "approvers must be >= 1 exactly for REQUIRE_APPROVAL, but was "
              + approvers.count()
              + " with "
              + effect);
    }
  }

  /** True when no rule matched and the request was denied by default. */
  public boolean defaultDeny() {
    return rule.isEmpty();
  }
}
