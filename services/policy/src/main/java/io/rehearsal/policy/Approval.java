package io.rehearsal.policy;

import java.util.Objects;
import java.util.Set;

/**
 * An approval already recorded on the decision.
 *
 * @param approver who approved
 * @param groups groups the approver belongs to
 */
public record Approval(String approver, Set<String> groups) {

  /** Copies the set. */
  public Approval {
    Objects.requireNonNull(approver, "approvals[].approver");
    groups = Set.copyOf(groups);
  }
}
