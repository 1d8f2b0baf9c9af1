package io.rehearsal.policy;

import java.util.Objects;

/**
 * Whether the rate limits on automatic actions leave room for one more: the gateway reads its token
 * buckets (per target and global) before deciding, and takes a token only when the decision is an
 * automatic ALLOW. An exhausted budget never blocks a human: it turns ALLOW into REQUIRE_APPROVAL.
 *
 * @param exhausted true when a bucket has no token left
 * @param detail which limit and when it refills, e.g. {@code target:PRODUCTION/payment 3 per 1h,
 *     next in 19m}; empty when not exhausted
 */
public record AutomationBudget(boolean exhausted, String detail) {

  /** Room for another automatic action. */
  public static final AutomationBudget AVAILABLE = new AutomationBudget(false, "");

  /** Validates: an exhausted budget says why. */
  public AutomationBudget {
    Objects.requireNonNull(detail, "detail");
    if (exhausted && detail.isBlank()) {
      throw new IllegalArgumentException("an exhausted budget must name the limit, but was blank");
    }
  }

  /** A budget with no token left, for the reason given. */
  public static AutomationBudget exhausted(String detail) {
    return new AutomationBudget(true, detail);
  }
}
