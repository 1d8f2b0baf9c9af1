package io.rehearsal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.policy.yaml.YamlProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicySetTest {

  private static final String GOOD =
      """
      name: demo
      defaults:
        ttl: 45m
        approvers: {count: 1, groups: [sre]}
      rules:
        - name: prod-needs-two
          description: production needs two
          when: remediation.environment == "PRODUCTION"
          effect: REQUIRE_APPROVAL
          approvers: {count: 2, groups: [sre, payments]}
          expiry: 30m
        - name: allow-rest
          description: the rest is fine
          when: "true"
          effect: ALLOW
      """;

  static List<YamlProblem> problems(String yaml) {
    try {
      PolicySet.parse(yaml, "p.yaml", "p");
    } catch (PolicyLoadException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems in\n" + yaml);
  }

  static String rule(String when, String effect) {
    return """
        rules:
          - name: r
            description: d
            when: %s
            effect: %s
        """
        .formatted(when, effect);
  }

  @Test
  void shouldLoadRulesInOrderWithTheirApproversWhenThePolicyIsValid() {
    PolicySet set = PolicySet.parse(GOOD, "good.yaml", "fallback");

    assertThat(set.name()).isEqualTo("demo");
    assertThat(set.rules())
        .extracting(PolicyRule::name)
        .containsExactly("prod-needs-two", "allow-rest");
    PolicyRule first = set.rules().get(0);
    assertThat(first.approvers()).isEqualTo(new Approvers(2, List.of("sre", "payments")));
    assertThat(first.expiry()).contains(Duration.ofMinutes(30));
    assertThat(first.location()).isEqualTo("good.yaml:6");
    assertThat(set.defaults().ttl()).contains(Duration.ofMinutes(45));
    assertThat(set.version()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void shouldKeepTheVersionWhenOnlyLayoutAndCommentsChange() {
    String relaidOut =
        "# a comment\n"
            + GOOD.replace(
                "approvers: {count: 2, groups: [sre, payments]}",
                "approvers:\n      count: 2\n      groups:\n        - sre\n        - payments");

    assertThat(PolicySet.parse(relaidOut, "b.yaml", "b").version())
        .isEqualTo(PolicySet.parse(GOOD, "a.yaml", "a").version());
  }

  @Test
  void shouldChangeTheVersionWhenARuleChanges() {
    String changed = GOOD.replace("count: 2", "count: 1");

    assertThat(PolicySet.parse(changed, "a.yaml", "a").version())
        .isNotEqualTo(PolicySet.parse(GOOD, "a.yaml", "a").version());
  }

  @Test
  void shouldNameFileLineAndCelMessageWhenAConditionHasASyntaxError() {
    assertThat(problems(rule("remediation.kind ==", "DENY")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getMessage()).startsWith("p.yaml:4: rule 'r': when: mismatched input");
              assertThat(p.line()).isEqualTo(4);
            });
  }

  @Test
  void shouldNameTheWholeIdentifierWhenAVariableIsUnknown() {
    assertThat(problems(rule("remediation.knd == \"SCALE\"", "DENY")))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .isEqualTo(
            "p.yaml:4: rule 'r': when: undeclared reference to 'remediation.knd' (column 1 of the condition)");
  }

  @Test
  void shouldReportATypeErrorWhenAStringIsComparedWithAnInt() {
    assertThat(problems(rule("remediation.kind == 1", "DENY")))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .asString()
        .startsWith("p.yaml:4: rule 'r': when: found no matching overload for '_==_'")
        .contains("(string, int)");
  }

  @Test
  void shouldReportATypeErrorWhenTheConditionIsNotABool() {
    assertThat(problems(rule("evidence.rank", "DENY")))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .asString()
        .contains("expected type 'bool' but found 'int'");
  }

  @Test
  void shouldPointAtTheLineInsideABlockScalarWhenTheErrorIsOnItsSecondLine() {
    String yaml =
        """
        rules:
          - name: r
            description: d
            when: |
              remediation.environment == "PRODUCTION" &&
              evidence.rank == "first"
            effect: DENY
        """;

    assertThat(problems(yaml)).singleElement().extracting(YamlProblem::line).isEqualTo(6);
  }

  @Test
  void shouldListTheAllowedEffectsWhenTheEffectIsUnknown() {
    assertThat(problems(rule("\"true\"", "MAYBE")))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .isEqualTo(
            "p.yaml:5: rules[0].effect must be one of [ALLOW, REQUIRE_APPROVAL, DENY], but was 'MAYBE'");
  }

  @Test
  void shouldAskForApproversWhenARuleRequiresApprovalWithoutThem() {
    assertThat(problems(rule("\"true\"", "REQUIRE_APPROVAL")))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .asString()
        .startsWith("p.yaml:2: rule 'r': REQUIRE_APPROVAL needs approvers");
  }

  @Test
  void shouldRejectApproversWhenTheEffectIsAllow() {
    String yaml = rule("\"true\"", "ALLOW") + "    approvers: {count: 1}\n";

    assertThat(problems(yaml))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .asString()
        .contains("approvers only apply to REQUIRE_APPROVAL, not ALLOW");
  }

  @Test
  void shouldRejectAZeroApproverCount() {
    String yaml = rule("\"true\"", "REQUIRE_APPROVAL") + "    approvers: {count: 0}\n";

    assertThat(problems(yaml))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .asString()
        .contains("approvers.count must be between 1 and 10, but was 0");
  }

  @Test
  void shouldReportEveryBrokenRuleWhenSeveralAreBroken() {
    String yaml =
        """
        rules:
          - name: a
            description: d
            when: remediation.kind == 1
            effect: DENY
          - name: a
            description: d
            when: "true"
            effect: DENY
          - name: c
            description: d
            when: nope
            effect: ALLOW
          - name: d
            description: d
            when: "true"
            efect: ALLOW
        """;

    assertThat(problems(yaml))
        .extracting(YamlProblem::line, YamlProblem::detail)
        .satisfiesExactly(
            p -> assertThat(p.toList()).first().isEqualTo(4),
            p -> assertThat(p.toList()).containsExactly(6, "duplicate rule name 'a'"),
            p ->
                assertThat(p.toList())
                    .containsExactly(
                        12,
                        "rule 'c': when: undeclared reference to 'nope' (column 1 of the condition)"),
            p -> assertThat(p.toList().get(1).toString()).startsWith("unknown key 'efect'"));
  }

  @Test
  void shouldReportTheLineWhenTheYamlIsMalformed() {
    assertThat(problems("rules:\n  - name: a\n   description: [x\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.detail()).startsWith("YAML syntax error"));
  }

  @Test
  void shouldRequireAtLeastOneRule() {
    assertThat(problems("rules: []\n"))
        .singleElement()
        .extracting(YamlProblem::getMessage)
        .isEqualTo("p.yaml:1: rules must hold at least one rule");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "remediation.kind == \"SCAEL\"|'SCAEL' is not a value of remediation.kind",
        "\"PROD\" != remediation.environment|'PROD' is not a value of remediation.environment",
        "remediation.environment in [\"STAGING\", \"QA\"]|'QA' is not a value of remediation.environment",
        "\"NO_EFECT\" in evidence.flags|'NO_EFECT' is not a value of evidence.flags",
        "evidence.recommendation == \"RESTORE\"|'RESTORE' is not a value of evidence.recommendation",
        "recent_actions(\"REBOOT\", duration(\"1h\")) > 1|'REBOOT' is not a value of remediation.kind",
        "is_weekend(now, \"Europe/Pariss\")|unknown time zone 'Europe/Pariss'",
        "now.getHours(\"Mars/Olympus\") > 3|unknown time zone 'Mars/Olympus'"
      })
  void shouldRejectALiteralOutsideTheVocabularyWhenTheTypeCheckerCannotSeeIt(
      String when, String message) {
    assertThat(problems(rule("'" + when + "'", "DENY")))
        .singleElement()
        .extracting(YamlProblem::detail)
        .asString()
        .startsWith("rule 'r': when: " + message);
  }

  @Test
  void shouldAcceptLiteralsFromTheVocabularyWhenTheyAreValid() {
    String when =
        "'remediation.kind in [\"SCALE\", \"ROLLBACK\"] && \"NO_EFFECT\" in evidence.flags"
            + " && remediation.target.service == \"anything\" && is_weekend(now, \"UTC\")'";

    assertThat(PolicySet.parse(rule(when, "DENY"), "p.yaml", "p").rules()).hasSize(1);
  }

  @Test
  void shouldFailNamingTheFileWhenItCannotBeRead() {
    assertThatThrownBy(() -> PolicySet.load(java.nio.file.Path.of("no/such/policy.yaml")))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("no/such/policy.yaml:0: cannot read");
  }
}
