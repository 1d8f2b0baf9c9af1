package io.rehearsal.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a policy set, as written in its YAML file.
 *
 * @param name unique name within the set, e.g. {@code prod-rollback-checkout}
 * @param description why the rule exists, shown in explanations
 * @param when the CEL condition (type-checked to bool at load time)
 * @param effect what the rule decides when {@code when} holds
 * @param approvers who must approve; {@link Approvers#NONE} unless the effect is REQUIRE_APPROVAL
 * @param expiry how long a decision may wait for approval; empty means the set's default ttl
 * @param file the file the rule came from
 * @param line 1-based line of the rule in {@code file}
 */
public record PolicyRule(
    String name,
    String description,
    String when,
    Effect effect,
    Approvers approvers,
    Optional<Duration> expiry,
    String file,
    int line) {

  /** Checks that approvers go with REQUIRE_APPROVAL and only with it. */
  public PolicyRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(expiry, "expiry");
    if ((effect == Effect.REQUIRE_APPROVAL) != (approvers.count() > 0)) {
      throw new IllegalArgumentException(
          "rule '"
              + name
              + "': approvers.count must be >= 1 exactly when the effect is REQUIRE_APPROVAL, but"
              + " was "
              + approvers.count()
              + " with "
              + effect);
    }
  }

  /** {@code file:line}, for messages. */
  public String location() {
    return file + ":" + line;
  }
}
