package io.rehearsal.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {

  static final Path SHOP_TESTS = Path.of("../../examples/reference-shop/policy/tests");
  static final Path SHOP_POLICY = Path.of("../../examples/reference-shop/policy/shop.yaml");

  @TempDir Path dir;

  @Test
  void shouldPassEveryReferenceShopCaseAndPrintTheSummary() {
    PolicyRun run = new PolicyRun("policy", "test", SHOP_TESTS.toString());

    assertThat(run.code).as(run.out.toString()).isZero();
    assertThat(run.out.toString().lines())
        .allMatch(l -> l.startsWith("PASS ") || l.matches("\\d+ passed, 0 failed"))
        .last()
        .asString()
        .matches("([5-9]\\d|\\d{3,}) passed, 0 failed");
  }

  @Test
  void shouldExitOneAndNameTheFailingCaseWhenAnExpectationIsWrong() throws IOException {
    Path cases = dir.resolve("cases.yaml");
    Files.writeString(
        cases,
        """
        cases:
          - name: production scale without evidence is denied
            clock: 2026-12-07T10:00:00Z
            request: {kind: SCALE, target: {service: checkout}, environment: PRODUCTION, parameters: {delta: 1}}
            expect: {effect: DENY, rule: deny-production-without-evidence}
          - name: a wrong expectation
            clock: 2026-12-07T10:00:00Z
            request: {kind: SCALE, target: {service: checkout}, environment: PRODUCTION, parameters: {delta: 1}}
            expect: {effect: ALLOW}
        """);

    PolicyRun run =
        new PolicyRun(
            "policy", "test", dir.toString(), "--policy", SHOP_POLICY.toString(), "--verbose");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.out.toString())
        .contains(
            "PASS production scale without evidence is denied",
            "FAIL a wrong expectation (" + cases + ":6)",
            "expected effect ALLOW, got DENY",
            "verdict: DENY (rule deny-production-without-evidence)")
        .endsWith("1 passed, 1 failed\n");
  }

  @Test
  void shouldExitTwoWithFileAndLineWhenACaseIsMalformed() throws IOException {
    Files.writeString(
        dir.resolve("cases.yaml"),
        """
        policy: %s
        cases:
          - name: bad kind
            clock: 2026-12-07T10:00:00Z
            request: {kind: REBOOT, target: {service: checkout}, environment: PRODUCTION}
            expect: {effect: DENY}
        """
            .formatted(SHOP_POLICY.toAbsolutePath()));

    PolicyRun run = new PolicyRun("policy", "test", dir.toString());

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("cases.yaml:5: cases[0].request.kind must be one of [SCALE");
  }

  @Test
  void shouldFailWhenACaseFileNamesNoPolicy() throws IOException {
    Files.writeString(dir.resolve("cases.yaml"), "cases: []\n");

    PolicyRun run = new PolicyRun("policy", "test", dir.toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("names no policy");
  }
}
