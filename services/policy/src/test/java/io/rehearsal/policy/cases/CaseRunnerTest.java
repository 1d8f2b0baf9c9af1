package io.rehearsal.policy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.policy.PolicySet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every YAML policy case through {@link CaseRunner} (what {@code rehearsal policy test} runs):
 * the reference shop's cases and this module's cases of a policy that reads every variable.
 */
class CaseRunnerTest {

  static final List<Path> CASE_DIRS =
      List.of(
          Path.of("../../examples/reference-shop/policy/tests"),
          Path.of("src/test/resources/cases"));

  static List<CaseResult> runAll() throws IOException {
    List<CaseResult> results = new ArrayList<>();
    for (Path dir : CASE_DIRS) {
      for (Path file : CaseFiles.find(dir)) {
        CaseFile cases = CaseFiles.load(file);
        results.addAll(CaseRunner.run(PolicySet.load(cases.policy().orElseThrow()), cases));
      }
    }
    return results;
  }

  @TestFactory
  Stream<DynamicTest> shouldPassEveryPolicyCase() throws IOException {
    return runAll().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.testCase().name(),
                    () ->
                        assertThat(r.failures())
                            .as(r.testCase().location() + " " + r.verdict().reasons())
                            .isEmpty()));
  }

  @Test
  void shouldRunAtLeast150CasesWhenAllCaseFilesAreFound() throws IOException {
    List<CaseResult> results = runAll();

    assertThat(results).hasSizeGreaterThanOrEqualTo(150);
    assertThat(results.stream().map(r -> r.testCase().name()).distinct()).hasSameSizeAs(results);
  }

  @Test
  void shouldReportEachUnmetExpectationWhenAVerdictDiffers() throws IOException {
    CaseFile cases = CaseFiles.load(Path.of("src/test/resources/cases/variables-cases.yaml"));
    PolicyCase base = cases.cases().get(0);
    PolicyCase wrong =
        new PolicyCase(
            base.name(),
            base.location(),
            base.clock(),
            base.input(),
            io.rehearsal.policy.Effect.DENY,
            java.util.Optional.of("kill-visible"),
            true,
            java.util.OptionalInt.of(2));
    PolicySet set = PolicySet.load(cases.policy().orElseThrow());

    CaseResult result =
        CaseRunner.run(
                set, new CaseFile(cases.path(), cases.policy(), cases.guards(), List.of(wrong)))
            .get(0);

    assertThat(result.passed()).isFalse();
    assertThat(result.failures())
        .containsExactly(
            "expected effect DENY, got ALLOW",
            "expected rule kill-visible, got dev-anything",
            "expected no rule to match, got dev-anything",
            "expected 2 approvers, got 0");
  }
}
