package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTest {
  @Test
  void shouldEqualRiskAdjustedMeanUtilityAndSumItsComponentsWhenScoring() {
    Objectives o = new Objectives(Map.of(), 1e-4, 0.5);
    double[] slo = {0.9, 0.8, 1.0, 0.7, 0.95, 0.85, 0.9, 0.6, 1.0, 0.9};
    double[] cost = {1000, 1200, 900, 1500, 1000, 1100, 1000, 1600, 950, 1000};
    double[] utility = new double[slo.length];
    for (int i = 0; i < slo.length; i++) {
      utility[i] = slo[i] - 1e-4 * cost[i];
    }
    OutcomeStatistics u = OutcomeStatistics.of(utility, true);
    Score s = Score.of(OutcomeStatistics.of(slo, true), OutcomeStatistics.of(cost, false), u, o);
    double expected = u.mean() - 0.5 * (u.mean() - u.worstDecileMean());
    assertThat(s.value()).isEqualTo(expected, within(1e-12));
    assertThat(s.components().stream().mapToDouble(ScoreComponent::contribution).sum())
        .isEqualTo(s.value());
    assertThat(s.components())
        .extracting(ScoreComponent::name)
        .containsExactly("graded_slo_attainment", "cost", "risk");
    assertThat(s.components().get(1).explanation()).isEqualTo("cost 1125.0 replica-s x -1.0E-4");
  }
}
