package io.rehearsal.gateway.decision;

import io.rehearsal.policy.Verdict;
import io.rehearsal.proto.v1.DecisionState;

/** What a policy verdict means for a new decision's state. */
final class Verdicts {

  private Verdicts() {}

  /** ALLOW approves, REQUIRE_APPROVAL waits for reviewers, DENY rejects. */
  static DecisionState state(Verdict verdict) {
    return switch (verdict.effect()) {
      case ALLOW -> DecisionState.DECISION_STATE_APPROVED;
      case REQUIRE_APPROVAL -> DecisionState.DECISION_STATE_PENDING_APPROVAL;
      case DENY -> DecisionState.DECISION_STATE_REJECTED;
    };
  }
}
