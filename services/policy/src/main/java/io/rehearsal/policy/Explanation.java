package io.rehearsal.policy;

import java.time.Instant;
import java.util.List;

/**
 * Why the engine decided what it did: every rule evaluated, in policy order, and every guard.
 *
 * @param policyVersion content hash of the policy set
 * @param now the clock's instant the decision was made at
 * @param rules the rules evaluated, up to and including the first that matched
 * @param guards every guard, in the order they ran
 */
public record Explanation(
    String policyVersion, Instant now, List<RuleTrace> rules, List<GuardTrace> guards) {

  /** Copies the lists. */
  public Explanation {
    rules = List.copyOf(rules);
    guards = List.copyOf(guards);
  }
}
