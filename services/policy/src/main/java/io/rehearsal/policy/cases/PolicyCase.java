package io.rehearsal.policy.cases;

import io.rehearsal.policy.Effect;
import io.rehearsal.policy.PolicyInput;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One test case: an input at an instant and the verdict expected for it.
 *
 * @param name what the case checks
 * @param location {@code file:line} of the case
 * @param clock the decision clock's instant
 * @param input the request, evidence and context
 * @param effect the expected effect
 * @param rule the expected matching rule; empty to not check it
 * @param defaultDeny true when no rule may match
 * @param approvers the expected approver count; empty to not check it
 */
public record PolicyCase(
    String name,
    String location,
    Instant clock,
    PolicyInput input,
    Effect effect,
    Optional<String> rule,
    boolean defaultDeny,
    OptionalInt approvers) {

  /** Checks that nothing is missing. */
  public PolicyCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(effect, "effect");
  }
}
