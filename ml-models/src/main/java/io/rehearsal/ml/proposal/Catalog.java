package io.rehearsal.ml.proposal;

import io.rehearsal.ml.rca.FaultKind;
import java.util.List;
import java.util.Map;

/**
 * A remediation catalog: which actions answer which fault on which kind of target, with parameter
 * grids, and the guards every proposal must pass. Read with {@link Catalogs}; validated once here,
 * messages name the field and the bad value.
 *
 * @param budget at most this many candidates per incident (what the sandbox evaluates), 3 to 8
 * @param suspects propose for the first this many suspects
 * @param minScore suspects scoring below this (the first has 1) get no proposals (default 0.1)
 * @param guards the limits no proposal may break
 * @param rules fault kind and target kind to actions; every matching rule contributes
 */
public record Catalog(
    Integer budget, Integer suspects, Double minScore, Guards guards, List<Rule> rules) {

  /** Fills defaults (budget 6, 2 suspects, minScore 0.1) and checks the ranges. */
  public Catalog {
    budget = budget == null ? 6 : budget;
    suspects = suspects == null ? 2 : suspects;
    minScore = minScore == null ? 0.1 : minScore;
    check(minScore >= 0 && minScore <= 1, "minScore must be between 0 and 1", minScore);
    guards = guards == null ? new Guards(null, null, null) : guards;
    rules = rules == null ? List.of() : List.copyOf(rules);
    check(budget >= 3 && budget <= 8, "budget must be between 3 and 8", budget);
    check(suspects >= 1 && suspects <= 10, "suspects must be between 1 and 10", suspects);
    check(!rules.isEmpty(), "rules must list at least one rule", rules);
  }

  static void check(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(message + ", but was " + value);
    }
  }

  /** What a rule's target is. */
  public enum TargetType {
    /** One of our services. */
    SERVICE,
    /** An external dependency. */
    DEPENDENCY
  }

  /**
   * The guards.
   *
   * @param replicas replica limits for every service (default 1 to 10)
   * @param services per-service replica limits that replace the default
   * @param cooldownSeconds the same action on the same target is not proposed again this soon
   *     (default 600)
   */
  public record Guards(Limits replicas, Map<String, Limits> services, Integer cooldownSeconds) {
    /** Fills defaults and checks the ranges. */
    public Guards {
      replicas = replicas == null ? new Limits(1, 10) : replicas;
      services = services == null ? Map.of() : Map.copyOf(services);
      cooldownSeconds = cooldownSeconds == null ? 600 : cooldownSeconds;
      check(cooldownSeconds >= 0, "cooldownSeconds must not be negative", cooldownSeconds);
    }

    /** The replica limits of {@code service}. */
    public Limits limits(String service) {
      return services.getOrDefault(service, replicas);
    }
  }

  /**
   * Replica limits.
   *
   * @param min fewest replicas
   * @param max most replicas
   */
  public record Limits(int min, int max) {
    /** Checks that {@code 1 <= min <= max}. */
    public Limits {
      check(min >= 1, "min must be at least 1", min);
      check(max >= min, "max must be at least min " + min, max);
    }
  }

  /**
   * One rule.
   *
   * @param when which suspects it answers
   * @param propose the actions, most preferred first
   */
  public record Rule(When when, List<Action> propose) {
    /** Checks that both are present. */
    public Rule {
      check(when != null, "when is required", when);
      check(
          propose != null && !propose.isEmpty(), "propose must list at least one action", propose);
      propose = List.copyOf(propose);
    }
  }

  /**
   * Which suspects a rule answers.
   *
   * @param kind the fault kind, or null for any
   * @param target the target kind, or null for any
   */
  public record When(FaultKind kind, TargetType target) {
    /** Whether a suspect of this kind, on a dependency or not, matches. */
    public boolean matches(FaultKind suspectKind, boolean dependency) {
      return (kind == null || kind == suspectKind)
          && (target == null || (target == TargetType.DEPENDENCY) == dependency);
    }
  }
}
