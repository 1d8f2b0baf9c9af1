package io.rehearsal.policy.cases;

import io.rehearsal.policy.Verdict;
import java.util.List;

/**
 * The outcome of one case.
 *
 * @param testCase the case
 * @param verdict what the engine decided
 * @param failures each expectation that did not hold; empty when the case passed
 */
public record CaseResult(PolicyCase testCase, Verdict verdict, List<String> failures) {

  /** Copies the list. */
  public CaseResult {
    failures = List.copyOf(failures);
  }

  /** True when every expectation held. */
  public boolean passed() {
    return failures.isEmpty();
  }
}
