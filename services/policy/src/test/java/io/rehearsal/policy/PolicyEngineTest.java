package io.rehearsal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.policy.RuleTrace.Outcome;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  static Verdict decide(String rulesYaml, PolicyInput input) {
    PolicySet set = PolicySet.parse(rulesYaml, "t.yaml", "t");
    return new PolicyEngine(set, GuardSettings.DEFAULTS, Clock.fixed(Inputs.NOW, ZoneOffset.UTC))
        .decide(input);
  }

  static String rules(String... rules) {
    StringBuilder yaml =
        new StringBuilder("defaults: {ttl: 2h, approvers: {count: 1, groups: [sre]}}\nrules:\n");
    for (int i = 0; i < rules.length; i += 2) {
      yaml.append("  - {name: r").append(i / 2).append(", description: rule ").append(i / 2);
      yaml.append(", when: '").append(rules[i]).append("', ").append(rules[i + 1]).append("}\n");
    }
    return yaml.toString();
  }

  @Test
  void shouldDecideByTheFirstMatchingRuleWhenSeveralMatch() {
    Verdict v =
        decide(
            rules(
                "remediation.kind == \"RESTART\"", "effect: DENY",
                "remediation.kind == \"SCALE\"", "effect: ALLOW",
                "true", "effect: DENY"),
            Inputs.good());

    assertThat(v.effect()).isEqualTo(Effect.ALLOW);
    assertThat(v.rule()).contains("r1");
    assertThat(v.explanation().rules())
        .extracting(t -> t.rule().name(), RuleTrace::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r0", Outcome.NOT_MATCHED),
            org.assertj.core.groups.Tuple.tuple("r1", Outcome.MATCHED));
  }

  @Test
  void shouldDenyByDefaultWhenNoRuleMatches() {
    Verdict v = decide(rules("false", "effect: ALLOW"), Inputs.good());

    assertThat(v.effect()).isEqualTo(Effect.DENY);
    assertThat(v.defaultDeny()).isTrue();
    assertThat(v.reasons()).first().isEqualTo("no rule matched: denied by default");
    assertThat(v.approvers()).isEqualTo(Approvers.NONE);
  }

  @Test
  void shouldSkipARuleThatFailsWhenItWouldAllow() {
    Verdict v =
        decide(
            rules(
                "remediation.parameters.absolute == 3", "effect: ALLOW",
                "true", "effect: REQUIRE_APPROVAL, approvers: {count: 2}"),
            Inputs.good());

    assertThat(v.effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
    assertThat(v.rule()).contains("r1");
    RuleTrace failed = v.explanation().rules().get(0);
    assertThat(failed.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("absolute"));
  }

  @Test
  void shouldDenyWhenADenyRuleFailsToEvaluate() {
    Verdict v =
        decide(
            rules(
                "remediation.parameters.absolute == 0", "effect: DENY",
                "true", "effect: ALLOW"),
            Inputs.good());

    assertThat(v.effect()).isEqualTo(Effect.DENY);
    assertThat(v.rule()).contains("r0");
    assertThat(v.reasons().get(0)).contains("could not be evaluated", "counts as matched");
  }

  @Test
  void shouldListTheInputsEachRuleReadWhenExplaining() {
    PolicyInput input =
        Inputs.withRecent(
            Inputs.good(),
            List.of(
                new PastAction(ActionKind.RESTART, Inputs.NOW.minus(Duration.ofMinutes(5))),
                new PastAction(ActionKind.RESTART, Inputs.NOW.minus(Duration.ofMinutes(90)))));

    Verdict v =
        decide(
            rules(
                "remediation.kind == \"SCALE\" && recent_actions(\"RESTART\", duration(\"1h\")) >= 2",
                "effect: DENY",
                "evidence.p_improvement >= 0.9 && twin.age < duration(\"3h\")",
                "effect: ALLOW"),
            input);

    assertThat(v.explanation().rules().get(0).inputs())
        .containsEntry("remediation.kind", "\"SCALE\"")
        .containsEntry("recent_actions(\"RESTART\", duration(\"3600s\"))", "1");
    assertThat(v.explanation().rules().get(1).inputs())
        .containsExactly(
            java.util.Map.entry("evidence.p_improvement", "0.97"),
            java.util.Map.entry("twin.age", "duration(\"7200s\")"));
    assertThat(v.effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void shouldBindTheVerdictToThePolicyVersionAndEvidenceHash() {
    String yaml = rules("true", "effect: ALLOW");

    Verdict v = decide(yaml, Inputs.good());

    assertThat(v.policyVersion()).isEqualTo(PolicySet.parse(yaml, "x", "x").version());
    assertThat(v.explanation().policyVersion()).isEqualTo(v.policyVersion());
    assertThat(v.evidenceHash()).contains("sha256:ev1");
    assertThat(v.explanation().now()).isEqualTo(Inputs.NOW);
  }

  @Test
  void shouldUseTheRuleExpiryElseTheDefaultTtlWhenApprovalIsRequired() {
    Verdict own =
        decide(
            rules("true", "effect: REQUIRE_APPROVAL, approvers: {count: 1}, expiry: 15m"),
            Inputs.good());
    Verdict fallback =
        decide(rules("true", "effect: REQUIRE_APPROVAL, approvers: {count: 1}"), Inputs.good());
    Verdict allowed = decide(rules("true", "effect: ALLOW"), Inputs.good());

    assertThat(own.expiry()).contains(Duration.ofMinutes(15));
    assertThat(fallback.expiry()).contains(Duration.ofHours(2));
    assertThat(allowed.expiry()).isEmpty();
  }

  @Test
  void shouldAskTheDefaultApproversWhenAGuardTurnsAnAllowIntoAQuestion() {
    PolicyInput noEffect =
        Inputs.with(
            Inputs.good(),
            Optional.of(
                Inputs.evidence(
                    Set.of(EvidenceFlag.NO_EFFECT), Recommendation.Kind.RESTORES, Duration.ZERO)));

    Verdict v = decide(rules("true", "effect: ALLOW"), noEffect);

    assertThat(v.effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
    assertThat(v.approvers()).isEqualTo(new Approvers(1, List.of("sre")));
    assertThat(v.reasons())
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("guard inconclusive-evidence:")
                    .endsWith("(ALLOW -> REQUIRE_APPROVAL)"));
    assertThat(v.explanation().guards())
        .filteredOn(GuardTrace::changed)
        .extracting(GuardTrace::guard)
        .containsExactly(GuardTrace.Guard.INCONCLUSIVE_EVIDENCE);
  }

  @Test
  void shouldKeepARequiredApprovalWhenTheEvidenceIsWorseThanDoingNothing() {
    PolicyInput worse =
        Inputs.with(
            Inputs.good(),
            Optional.of(
                Inputs.evidence(
                    Set.of(EvidenceFlag.WORSE_THAN_DO_NOTHING),
                    Recommendation.Kind.DO_NOTHING,
                    Duration.ZERO)));

    Verdict asked = decide(rules("true", "effect: REQUIRE_APPROVAL, approvers: {count: 2}"), worse);
    Verdict allowed = decide(rules("true", "effect: ALLOW"), worse);

    assertThat(asked.effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
    assertThat(asked.approvers().count()).isEqualTo(2);
    assertThat(allowed.effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void shouldSeeTheInjectedClockAsNowWhenARuleReadsTheCalendar() {
    // 2026-12-07T10:00Z is a Monday, 11:00 in Paris and 05:00 in New York.
    Verdict v =
        decide(
            rules(
                "is_business_hours(now, \"Europe/Paris\") && !is_business_hours(now, \"America/New_York\")"
                    + " && !is_weekend(now, \"Asia/Tokyo\") && now.getHours(\"America/New_York\") == 5",
                "effect: ALLOW"),
            Inputs.good());

    assertThat(v.effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void shouldReadMissingEvidenceAsTheLeastFavourableValues() {
    Verdict v =
        decide(
            rules(
                "!evidence.present && evidence.rank == 0 && !evidence.best && evidence.p_improvement == 0.0"
                    + " && evidence.age > duration(\"8760h\")",
                "effect: DENY"),
            Inputs.with(Inputs.good(), Optional.empty()));

    assertThat(v.effect()).isEqualTo(Effect.DENY);
    assertThat(v.rule()).contains("r0");
  }
}
