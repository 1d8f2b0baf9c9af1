package io.rehearsal.policy;

import io.rehearsal.policy.GuardTrace.Guard;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in guards, applied after the rules in a fixed order. Each can only make the effect
 * stricter: a freeze or the kill switch denies; evidence worse than doing nothing turns an ALLOW
 * into DENY; missing, inconclusive or stale evidence, a stale twin, or a used-up rate limit on
 * automatic actions, turns an ALLOW into REQUIRE_APPROVAL.
 */
final class Guards {

  private final GuardSettings settings;

  Guards(GuardSettings settings) {
    this.settings = settings;
  }

  /** The effect after every guard, with one trace per guard. */
  record Result(Effect effect, List<GuardTrace> traces) {}

  Result apply(Effect ruleEffect, PolicyInput input, Instant now) {
    List<GuardTrace> traces = new ArrayList<>();
    Effect effect = ruleEffect;
    for (Guard guard : Guard.values()) {
      Optional<String> why = check(guard, input, now);
      Effect after = why.isPresent() ? restrict(guard, effect) : effect;
      traces.add(new GuardTrace(guard, why.isPresent(), effect, after, why.orElse("clear")));
      effect = after;
    }
    return new Result(effect, traces);
  }

  private static Effect restrict(Guard guard, Effect effect) {
    return switch (guard) {
      case KILL_SWITCH, FREEZE -> Effect.DENY;
      case WORSE_THAN_DO_NOTHING -> effect == Effect.ALLOW ? Effect.DENY : effect;
      case INCONCLUSIVE_EVIDENCE, STALE_EVIDENCE, STALE_TWIN, RATE_LIMIT ->
          effect == Effect.ALLOW ? Effect.REQUIRE_APPROVAL : effect;
    };
  }

  private Optional<String> check(Guard guard, PolicyInput input, Instant now) {
    return switch (guard) {
      case KILL_SWITCH -> killSwitch(input);
      case FREEZE -> freeze(input, now);
      case WORSE_THAN_DO_NOTHING -> worse(input);
      case INCONCLUSIVE_EVIDENCE -> inconclusive(input);
      case STALE_EVIDENCE -> staleEvidence(input, now);
      case STALE_TWIN -> staleTwin(input, now);
      case RATE_LIMIT ->
          input.budget().exhausted()
              ? Optional.of("rate limit used up: " + input.budget().detail())
              : Optional.empty();
    };
  }

  private static Optional<String> killSwitch(PolicyInput input) {
    KillSwitch kill = input.killSwitch();
    if (kill.global()) {
      return Optional.of("the global kill switch is on");
    }
    String target = input.action().target().key();
    return kill.stops(input.action())
        ? Optional.of("the kill switch is on for " + target)
        : Optional.empty();
  }

  private static Optional<String> freeze(PolicyInput input, Instant now) {
    return input.freezes().stream()
        .filter(f -> f.covers(now, input.action()))
        .findFirst()
        .map(f -> "freeze '" + f.name() + "' (" + f.start() + " .. " + f.end() + ") is in force");
  }

  private static Optional<String> worse(PolicyInput input) {
    return input
        .evidence()
        .filter(e -> e.flags().contains(EvidenceFlag.WORSE_THAN_DO_NOTHING))
        .map(e -> "evidence is flagged WORSE_THAN_DO_NOTHING");
  }

  private static Optional<String> inconclusive(PolicyInput input) {
    if (input.evidence().isEmpty()) {
      return Optional.of("no evidence");
    }
    Evidence e = input.evidence().get();
    if (!e.inconclusive()) {
      return Optional.empty();
    }
    return Optional.of(
        "evidence does not beat doing nothing (flags "
            + e.flags().stream().map(Enum::name).sorted().toList()
            + ", recommendation "
            + e.recommendation()
            + ")");
  }

  private Optional<String> staleEvidence(PolicyInput input, Instant now) {
    return input
        .evidence()
        .map(e -> Variables.age(e.createdAt(), now))
        .filter(age -> age.compareTo(settings.maxEvidenceAge()) > 0)
        .map(age -> "evidence age " + human(age) + " > " + human(settings.maxEvidenceAge()));
  }

  private Optional<String> staleTwin(PolicyInput input, Instant now) {
    if (input.twin().isEmpty()) {
      return Optional.of("twin fidelity unknown");
    }
    TwinFidelity twin = input.twin().get();
    if (twin.stale()) {
      return Optional.of("twin marked stale by a drift check");
    }
    Duration age = Variables.age(twin.calibratedAt(), now);
    return age.compareTo(settings.maxTwinAge()) > 0
        ? Optional.of("twin age " + human(age) + " > " + human(settings.maxTwinAge()))
        : Optional.empty();
  }

  static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
