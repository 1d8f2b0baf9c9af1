package io.rehearsal.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyExplainCommandTest {

  static final Path POLICY = Path.of("../../examples/reference-shop/policy/shop.yaml");
  static final Path CASES = Path.of("../../examples/reference-shop/policy/tests/shop-cases.yaml");

  @Test
  void shouldListEachRuleWithItsInputsAndEachGuardWhenExplainingACase() {
    PolicyRun run =
        new PolicyRun(
            "policy",
            "explain",
            "--policy",
            POLICY.toString(),
            "--case",
            CASES.toString(),
            "--name",
            "guard - best candidate flagged NO_EFFECT is not automatic");

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString())
        .contains(
            "policy:  reference-shop sha256:",
            "rules (5 of 10 evaluated, first match wins):",
            "deny-during-freeze",
            "calendar.freeze_active = false",
            "staging-small-scale-up             ALLOW             matched",
            "evidence.p_improvement = 0.97",
            "inconclusive-evidence  ALLOW -> REQUIRE_APPROVAL",
            "verdict: REQUIRE_APPROVAL (rule staging-small-scale-up), 1 approver from [sre], expires after 2h");
  }

  @Test
  void shouldExplainEveryCaseWhenNoNameIsGiven() {
    PolicyRun run =
        new PolicyRun(
            "policy", "explain", "--policy", POLICY.toString(), "--case", CASES.toString());

    assertThat(run.code).isZero();
    assertThat(run.out.toString().lines().filter(l -> l.startsWith("verdict: ")))
        .hasSizeGreaterThan(50);
  }

  @Test
  void shouldFailWhenNoCaseHasTheName() {
    PolicyRun run =
        new PolicyRun(
            "policy",
            "explain",
            "--policy",
            POLICY.toString(),
            "--case",
            CASES.toString(),
            "--name",
            "nope");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("no case named 'nope'");
  }
}
