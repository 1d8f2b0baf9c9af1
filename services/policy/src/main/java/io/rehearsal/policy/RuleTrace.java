package io.rehearsal.policy;

import java.util.Map;
import java.util.Optional;

/**
 * How one rule was evaluated.
 *
 * @param rule the rule
 * @param outcome matched, not matched or error
 * @param inputs every variable and function result the condition read, in reading order, rendered
 *     as CEL literals
 * @param error the evaluation error, when {@code outcome} is ERROR
 */
public record RuleTrace(
    PolicyRule rule, Outcome outcome, Map<String, String> inputs, Optional<String> error) {

  /** Copies the map (keeping its order). */
  public RuleTrace {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }

  /** The result of one rule's condition. */
  public enum Outcome {
    /** The condition held. */
    MATCHED,
    /** The condition did not hold. */
    NOT_MATCHED,
    /**
     * The condition could not be evaluated (e.g. a missing parameter): a DENY rule then counts as
     * matched, any other rule as not matched, so an error never widens what is allowed.
     */
    ERROR
  }
}
