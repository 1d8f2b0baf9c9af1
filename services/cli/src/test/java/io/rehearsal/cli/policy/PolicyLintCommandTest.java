package io.rehearsal.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLintCommandTest {

  static final Path SHOP_POLICY = Path.of("../../examples/reference-shop/policy");

  @TempDir Path dir;

  @Test
  void shouldPassTheReferenceShopPolicyWhenLintingItsFolder() {
    PolicyRun run = new PolicyRun("policy", "lint", SHOP_POLICY.toString());

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString())
        .startsWith("ok: ")
        .contains("shop.yaml (10 rules, version sha256:");
  }

  @Test
  void shouldExitTwoWithFileLineAndMessageWhenAConditionDoesNotTypeCheck() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        rules:
          - name: ok
            description: fine
            when: remediation.environment == "STAGING"
            effect: ALLOW
          - name: typo
            description: a misspelt variable
            when: remediation.enviroment == "STAGING"
            effect: ALLOW
          - name: types
            description: a string compared with a number
            when: remediation.kind > 2
            effect: DENY
        """);

    PolicyRun run = new PolicyRun("policy", "lint", broken.toString());

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString().lines())
        .containsExactly(
            broken
                + ":8: rule 'typo': when: undeclared reference to 'remediation.enviroment' (column 1 of the condition)",
            broken
                + ":12: rule 'types': when: found no matching overload for '_>_' applied to"
                + " '(string, int)' (column 18 of the condition)");
  }

  @Test
  void shouldExitTwoWhenAFolderHoldsNoPolicy() {
    PolicyRun run = new PolicyRun("policy", "lint", dir.toString());

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("no policy files");
  }

  @Test
  void shouldFailNamingThePathWhenItDoesNotExist() {
    PolicyRun run = new PolicyRun("policy", "lint", dir.resolve("nope.yaml").toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("no such file or folder", "nope.yaml");
  }
}
