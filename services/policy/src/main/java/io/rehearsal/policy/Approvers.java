package io.rehearsal.policy;

import java.util.List;

/**
 * Who must approve before a REQUIRE_APPROVAL decision may run.
 *
 * @param count distinct approvers needed (>= 1; 0 only for {@link #NONE})
 * @param groups groups an approver must belong to (any of them); empty means anyone but the
 *     requester
 */
public record Approvers(int count, List<String> groups) {

  /** No approval needed: the approvers of an ALLOW or DENY verdict. */
  public static final Approvers NONE = new Approvers(0, List.of());

  /** Copies the list and checks the count. */
  public Approvers {
    if (count < 0) {
      throw new IllegalArgumentException("approvers.count must be >= 0, but was " + count);
    }
    groups = List.copyOf(groups);
  }

  /** One approver from any group: what a guard asks when the policy set names no default. */
  public static Approvers one() {
    return new Approvers(1, List.of());
  }
}
