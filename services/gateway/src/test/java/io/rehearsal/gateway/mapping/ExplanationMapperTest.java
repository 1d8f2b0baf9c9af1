package io.rehearsal.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.KillSwitch;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicyInput;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.policy.Verdict;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.PolicyEffect;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.RuleResult;
import io.rehearsal.proto.v1.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplanationMapperTest {

  private static final String POLICY =
      """
      name: explain-test
      defaults: {approvers: {count: 1}}
      rules:
        - name: never-on-fridays
          description: no restarts here
          when: remediation.kind == "RESTART"
          effect: DENY
        - name: prod-needs-two
          description: production needs two people
          when: remediation.environment == "PRODUCTION"
          effect: REQUIRE_APPROVAL
          approvers: {count: 2}
      """;

  private final PolicyEngine engine =
      new PolicyEngine(
          PolicySet.parse(POLICY, "explain-test.yaml", "explain-test"),
          GuardSettings.DEFAULTS,
          Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void shouldListEveryEvaluatedRuleWithItsInputsThenTheGuardsWhenARuleMatches() {
    Verdict verdict = engine.decide(input(KillSwitch.OFF));

    Explanation e = ExplanationMapper.explanation(verdict);

    assertThat(e.getEffect()).isEqualTo(PolicyEffect.POLICY_EFFECT_REQUIRE_APPROVAL);
    assertThat(e.getDefaultDeny()).isFalse();
    assertThat(e.getRequiredApprovers()).isEqualTo(2);
    assertThat(e.getPolicyVersion()).isEqualTo(engine.policies().version());
    assertThat(e.getEvidenceHash()).isEmpty();
    assertThat(e.getRulesList())
        .extracting(RuleResult::getRuleId)
        .startsWith("never-on-fridays", "prod-needs-two", "guard:kill-switch");
    RuleResult first = e.getRules(0);
    assertThat(first.getMatched()).isFalse();
    assertThat(first.getEffect()).isEqualTo(PolicyEffect.POLICY_EFFECT_DENY);
    assertThat(first.getReason())
        .startsWith("no restarts here [not_matched]")
        .contains("remediation.kind = \"SCALE\"");
    assertThat(e.getRules(1).getMatched()).isTrue();
  }

  @Test
  void shouldReportATriggeredGuardAsMatchedWithItsEffectWhenTheKillSwitchIsOn() {
    Verdict verdict = engine.decide(input(new KillSwitch(true, Set.of())));

    List<RuleResult> matched = ExplanationMapper.matched(verdict);

    assertThat(matched)
        .extracting(RuleResult::getRuleId)
        .contains("prod-needs-two", "guard:kill-switch");
    RuleResult kill =
        matched.stream().filter(r -> r.getRuleId().equals("guard:kill-switch")).findFirst().get();
    assertThat(kill.getEffect()).isEqualTo(PolicyEffect.POLICY_EFFECT_DENY);
    assertThat(kill.getReason()).contains("REQUIRE_APPROVAL -> DENY");
  }

  private static PolicyInput input(KillSwitch killSwitch) {
    RemediationRequest request =
        RemediationRequest.newBuilder()
            .setRequestId("r-1")
            .setRemediation(
                Remediation.newBuilder()
                    .setId("scale")
                    .setScale(Remediation.Scale.newBuilder().setDelta(1))
                    .setTarget(Target.newBuilder().setService("checkout")))
            .setEnvironment(Environment.ENVIRONMENT_PRODUCTION)
            .setRequester("loop:guard")
            .build();
    return new PolicyInput(
        PolicyInputMapper.action(request),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        killSwitch,
        List.of());
  }
}
