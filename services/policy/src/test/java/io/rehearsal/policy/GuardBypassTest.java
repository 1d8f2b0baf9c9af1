package io.rehearsal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the rules say, the guards hold. Each seed builds a random policy set from
 * conditions that include {@code true}, conditions that read the very inputs the guards look at,
 * and conditions that fail to evaluate, with random effects; then decides random inputs with it.
 */
class GuardBypassTest {

  private static final List<String> CONDITIONS =
      List.of(
          "true",
          "false",
          "remediation.kind == \"SCALE\"",
          "remediation.environment == \"PRODUCTION\"",
          "evidence.p_improvement > 0.5",
          "!evidence.present",
          "evidence.present && evidence.best",
          "\"WORSE_THAN_DO_NOTHING\" in evidence.flags",
          "\"NO_EFFECT\" in evidence.flags",
          "evidence.recommendation == \"DO_NOTHING\"",
          "evidence.age > duration(\"1h\")",
          "twin.stale || !twin.present",
          "twin.age > duration(\"24h\")",
          "kill_switch.active",
          "calendar.freeze_active",
          "!calendar.freeze_active && !kill_switch.active",
          "remediation.parameters.delta > 0",
          "remediation.parameters.missing == 1",
          "approvals.count >= 1",
          "recent_actions(duration(\"1h\")) > 1",
          "is_weekend(now, \"Europe/Paris\")",
          "now.getHours(\"America/New_York\") < 12");

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shouldNeverAllowWhatAGuardForbidsWhenRulesAreRandom(long seed) {
    RandomInputs random = new RandomInputs(seed);
    PolicySet policies =
        PolicySet.parse(randomPolicy(random), "random-" + seed + ".yaml", "random");
    for (int i = 0; i < 100; i++) {
      Instant now = random.clock();
      PolicyInput input = random.input(now);
      Verdict verdict =
          new PolicyEngine(policies, GuardSettings.DEFAULTS, Clock.fixed(now, ZoneOffset.UTC))
              .decide(input);
      String what = "seed " + seed + " #" + i + ": " + verdict.reasons() + " for " + input;

      if (input.killSwitch().stops(input.action()) || frozen(input, now)) {
        assertThat(verdict.effect()).as(what).isEqualTo(Effect.DENY);
      }
      if (mustNotAutoApprove(input, now)) {
        assertThat(verdict.effect()).as(what).isNotEqualTo(Effect.ALLOW);
      }
      if (verdict.explanation().rules().isEmpty()
          || verdict.rule().isEmpty()
          || matchedEffect(verdict) == Effect.DENY) {
        assertThat(verdict.effect()).as(what).isEqualTo(Effect.DENY);
      }
      assertThat(verdict.explanation().guards()).as(what).hasSize(GuardTrace.Guard.values().length);
    }
  }

  private static Effect matchedEffect(Verdict verdict) {
    List<RuleTrace> rules = verdict.explanation().rules();
    return rules.get(rules.size() - 1).rule().effect();
  }

  private static boolean frozen(PolicyInput input, Instant now) {
    return input.freezes().stream().anyMatch(f -> f.covers(now, input.action()));
  }

  private static boolean mustNotAutoApprove(PolicyInput input, Instant now) {
    if (input.evidence().isEmpty() || input.twin().isEmpty()) {
      return true;
    }
    Evidence e = input.evidence().get();
    TwinFidelity t = input.twin().get();
    return e.inconclusive()
        || input.budget().exhausted()
        || e.flags().contains(EvidenceFlag.WORSE_THAN_DO_NOTHING)
        || Duration.between(e.createdAt(), now).compareTo(Duration.ofHours(1)) > 0
        || t.stale()
        || Duration.between(t.calibratedAt(), now).compareTo(Duration.ofHours(24)) > 0;
  }

  private static String randomPolicy(RandomInputs random) {
    StringBuilder yaml = new StringBuilder("rules:\n");
    int rules = 1 + random.nextInt(6);
    for (int r = 0; r < rules; r++) {
      Effect effect = random.pick(Effect.values());
      String condition = r == 0 && random.chance(0.5) ? "true" : random.pick(CONDITIONS);
      yaml.append("  - name: rule-").append(r).append('\n');
      yaml.append("    description: random\n");
      yaml.append("    when: '").append(condition).append("'\n");
      yaml.append("    effect: ").append(effect).append('\n');
      if (effect == Effect.REQUIRE_APPROVAL) {
        yaml.append("    approvers: {count: ").append(1 + random.nextInt(3)).append("}\n");
      }
    }
    return yaml.toString();
  }
}
