package io.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.twin.spec.FaultKind;
import org.junit.jupiter.api.Test;

class HypothesesTest {

  private static FaultHypothesis fit(FaultKind kind, double magnitude, double goodness) {
    return new FaultHypothesis(kind, "payment-gateway", magnitude, 0.6, goodness, 0);
  }

  @Test
  void shouldWarnWithTheShareExplainedWhenTheFitIsWeak() {
    assertThat(Hypotheses.weakFitWarning(fit(FaultKind.LATENCY, 2, 0.03)))
        .hasValueSatisfying(w -> assertThat(w).contains("weak fit", "explains 3%"));
  }

  @Test
  void shouldStayQuietWhenTheFitExplainsAtLeastAQuarter() {
    assertThat(Hypotheses.weakFitWarning(fit(FaultKind.LATENCY, 2, 0.25))).isEmpty();
    assertThat(Hypotheses.weakFitWarning(fit(FaultKind.LATENCY, 2, 0.61))).isEmpty();
  }

  @Test
  void shouldDescribeAnAddedDelayInMillisecondsWhenTheDependencyIsDelayed() {
    assertThat(Hypotheses.describe(fit(FaultKind.DEPENDENCY_DELAY, 0.148, 0.61)))
        .isEqualTo("DEPENDENCY_DELAY payment-gateway +148 ms");
  }
}
