package io.rehearsal.gateway.mapping;

import io.rehearsal.policy.Effect;
import io.rehearsal.policy.GuardTrace;
import io.rehearsal.policy.RuleTrace;
import io.rehearsal.policy.Verdict;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.PolicyEffect;
import io.rehearsal.proto.v1.RuleResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine's verdict and explanation to the contract's {@link Explanation} and {@link
 * RuleResult}s. Rules come first, in policy order, as evaluated (up to the first match); the
 * built-in guards follow as results named {@code guard:<label>}, matched when they triggered, with
 * the effect after them. A rule's reason carries the inputs its condition read, as CEL literals.
 */
public final class ExplanationMapper {

  /** Prefix of the rule ids under which the built-in guards are reported. */
  public static final String GUARD_PREFIX = "guard:";

  private ExplanationMapper() {}

  /** The explanation of {@code verdict}, not yet bound to a decision (id and revision unset). */
  public static Explanation explanation(Verdict verdict) {
    return Explanation.newBuilder()
        .setPolicyVersion(verdict.policyVersion())
        .setEffect(effect(verdict.effect()))
        .setDefaultDeny(verdict.defaultDeny())
        .setRequiredApprovers(verdict.approvers().count())
        .addAllRules(rules(verdict))
        .setEvidenceHash(verdict.evidenceHash().orElse(""))
        .build();
  }

  /** Every rule and guard as evaluated. */
  public static List<RuleResult> rules(Verdict verdict) {
    List<RuleResult> rules =
        verdict.explanation().rules().stream().map(ExplanationMapper::rule).collect(toList());
    verdict.explanation().guards().stream().map(ExplanationMapper::guard).forEach(rules::add);
    return List.copyOf(rules);
  }

  /** The rules that decided: the matched rule and each guard that triggered. */
  public static List<RuleResult> matched(Verdict verdict) {
    return rules(verdict).stream().filter(RuleResult::getMatched).toList();
  }

  /** The wire effect of an engine effect. */
  public static PolicyEffect effect(Effect effect) {
    return switch (effect) {
      case ALLOW -> PolicyEffect.POLICY_EFFECT_ALLOW;
      case REQUIRE_APPROVAL -> PolicyEffect.POLICY_EFFECT_REQUIRE_APPROVAL;
      case DENY -> PolicyEffect.POLICY_EFFECT_DENY;
    };
  }

  static RuleResult rule(RuleTrace trace) {
    boolean decided =
        trace.outcome() == RuleTrace.Outcome.MATCHED
            || (trace.outcome() == RuleTrace.Outcome.ERROR && trace.rule().effect() == Effect.DENY);
    return RuleResult.newBuilder()
        .setRuleId(trace.rule().name())
        .setMatched(decided)
        .setEffect(effect(trace.rule().effect()))
        .setReason(reason(trace))
        .build();
  }

  private static String reason(RuleTrace trace) {
    StringBuilder reason = new StringBuilder(trace.rule().description());
    reason.append(" [").append(trace.outcome().name().toLowerCase(java.util.Locale.ROOT));
    trace.error().ifPresent(e -> reason.append(": ").append(e));
    reason.append(']');
    if (!trace.inputs().isEmpty()) {
      reason.append(" inputs: ").append(inputs(trace));
    }
    return reason.toString();
  }

  private static String inputs(RuleTrace trace) {
    return trace.inputs().entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static RuleResult guard(GuardTrace trace) {
    String change =
        trace.changed() ? " (" + trace.before() + " -> " + trace.after() + ")" : " (no change)";
    return RuleResult.newBuilder()
        .setRuleId(GUARD_PREFIX + trace.guard().label())
        .setMatched(trace.triggered())
        .setEffect(effect(trace.after()))
        .setReason(trace.detail() + change)
        .build();
  }

  private static <T> java.util.stream.Collector<T, ?, List<T>> toList() {
    return Collectors.toCollection(java.util.ArrayList::new);
  }
}
