package io.rehearsal.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelLateFunctionBindings;
import dev.cel.runtime.CelVariableResolver;
import io.rehearsal.policy.RuleTrace.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides remediation requests against one {@link PolicySet}: the rules in order (first match wins,
 * no match denies), then the built-in {@link GuardTrace.Guard guards}, which no rule can switch
 * off. Thread-safe; the clock is injected so decisions are reproducible.
 */
public final class PolicyEngine {

  private final PolicySet policies;
  private final Guards guards;
  private final Clock clock;

  /**
   * @param policies the compiled policy set
   * @param settings bounds of the staleness guards
   * @param clock the decision clock ({@code now} in rules, freeze windows, ages)
   */
  public PolicyEngine(PolicySet policies, GuardSettings settings, Clock clock) {
    this.policies = policies;
    this.guards = new Guards(settings);
    this.clock = clock;
  }

  /** The policy set this engine decides with. */
  public PolicySet policies() {
    return policies;
  }

  /**
   * Decides one request. Never throws for a policy reason: a refusal is a DENY verdict.
   *
   * @param input the request, its evidence and context
   * @return the verdict with its explanation
   */
  public Verdict decide(PolicyInput input) {
    Instant now = clock.instant();
    Map<String, Object> vars = Variables.bind(input, now);
    AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    CelLateFunctionBindings functions = Functions.perInput(input, now, seen);
    List<RuleTrace> traces = new ArrayList<>();
    Optional<PolicyRule> matched = Optional.empty();
    for (CompiledRule rule : policies.compiled()) {
      seen.set(new LinkedHashMap<>());
      RuleTrace trace = evaluate(rule, vars, functions, seen.get());
      traces.add(trace);
      if (counts(trace)) {
        matched = Optional.of(rule.rule());
        break;
      }
    }
    Effect ruleEffect = matched.map(PolicyRule::effect).orElse(Effect.DENY);
    Guards.Result guarded = guards.apply(ruleEffect, input, now);
    Explanation explanation = new Explanation(policies.version(), now, traces, guarded.traces());
    return verdict(matched, traces, guarded, input, explanation);
  }

  /** A match decides; so does an error in a DENY rule (an error never widens what is allowed). */
  private static boolean counts(RuleTrace trace) {
    return trace.outcome() == Outcome.MATCHED
        || (trace.outcome() == Outcome.ERROR && trace.rule().effect() == Effect.DENY);
  }

  private static RuleTrace evaluate(
      CompiledRule rule,
      Map<String, Object> vars,
      CelLateFunctionBindings functions,
      Map<String, String> seen) {
    CelVariableResolver resolver =
        name -> {
          Object value = vars.get(name);
          if (value != null) {
            seen.put(name, Literals.of(value));
          }
          return Optional.ofNullable(value);
        };
    try {
      Object result = rule.program().eval(resolver, functions);
      if (result instanceof Boolean b) {
        return new RuleTrace(
            rule.rule(), b ? Outcome.MATCHED : Outcome.NOT_MATCHED, seen, Optional.empty());
      }
      return error(rule, seen, "condition returned " + Literals.of(result) + ", not a bool");
    } catch (CelEvaluationException | RuntimeException e) {
      return error(rule, seen, e.getMessage());
    }
  }

  private static RuleTrace error(CompiledRule rule, Map<String, String> seen, String message) {
    return new RuleTrace(rule.rule(), Outcome.ERROR, seen, Optional.of(message));
  }

  private Verdict verdict(
      Optional<PolicyRule> matched,
      List<RuleTrace> traces,
      Guards.Result guarded,
      PolicyInput input,
      Explanation explanation) {
    Effect effect = guarded.effect();
    List<String> reasons = new ArrayList<>();
    reasons.add(ruleReason(matched, traces));
    guarded.traces().stream()
        .filter(GuardTrace::changed)
        .forEach(
            g ->
                reasons.add(
                    "guard "
                        + g.guard().label()
                        + ": "
                        + g.detail()
                        + " ("
                        + g.before()
                        + " -> "
                        + g.after()
                        + ")"));
    guarded.traces().stream()
        .filter(g -> g.triggered() && !g.changed() && g.before() != Effect.ALLOW)
        .forEach(g -> reasons.add("guard " + g.guard().label() + " also holds: " + g.detail()));
    return new Verdict(
        effect,
        matched.map(PolicyRule::name),
        approvers(effect, matched),
        effect == Effect.REQUIRE_APPROVAL ? expiry(matched) : Optional.empty(),
        reasons,
        policies.version(),
        input.evidence().map(Evidence::hash),
        explanation);
  }

  private static String ruleReason(Optional<PolicyRule> matched, List<RuleTrace> traces) {
    if (matched.isEmpty()) {
      return "no rule matched: denied by default";
    }
    PolicyRule rule = matched.get();
    RuleTrace last = traces.get(traces.size() - 1);
    if (last.outcome() == Outcome.ERROR) {
      return "rule "
          + rule.name()
          + " could not be evaluated ("
          + last.error().orElse("")
          + ")"
          + ": it denies, so it counts as matched";
    }
    return switch (rule.effect()) {
      case ALLOW -> "rule " + rule.name() + " allows: " + rule.description();
      case DENY -> "rule " + rule.name() + " denies: " + rule.description();
      case REQUIRE_APPROVAL ->
          "rule "
              + rule.name()
              + " requires "
              + count(rule.approvers())
              + ": "
              + rule.description();
    };
  }

  private static String count(Approvers approvers) {
    String who = approvers.count() == 1 ? "1 approver" : approvers.count() + " approvers";
    return approvers.groups().isEmpty() ? who : who + " from " + approvers.groups();
  }

  private Approvers approvers(Effect effect, Optional<PolicyRule> matched) {
    if (effect != Effect.REQUIRE_APPROVAL) {
      return Approvers.NONE;
    }
    return matched
        .filter(r -> r.effect() == Effect.REQUIRE_APPROVAL)
        .map(PolicyRule::approvers)
        .orElse(policies.defaults().approvers());
  }

  private Optional<Duration> expiry(Optional<PolicyRule> matched) {
    return matched.flatMap(PolicyRule::expiry).or(() -> policies.defaults().ttl());
  }
}
