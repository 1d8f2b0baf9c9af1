package io.rehearsal.rehearse.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Risk-adjusted score: {@code mean(utility) - riskAversion * (mean(utility) -
 * worstDecileMean(utility))}, written as the sum of three components: {@code graded_slo_attainment}
 * (mean graded SLO attainment x 1), {@code cost} (mean replica-seconds x -costWeight) and {@code
 * risk} (the mean-to-worst-decile utility gap x -riskAversion). Higher is better.
 *
 * @param value the score; equals the sum of the components' contributions
 * @param components the terms, in the order above
 */
public record Score(double value, List<ScoreComponent> components) {
  /** Copies the list. */
  public Score {
    components = List.copyOf(components);
  }

  /** Scores an arm from its statistics. */
  static Score of(
      OutcomeStatistics graded, OutcomeStatistics cost, OutcomeStatistics utility, Objectives o) {
    double gap = utility.mean() - utility.worstDecileMean();
    List<ScoreComponent> parts =
        List.of(
            component("graded_slo_attainment", graded.mean(), 1, "graded SLO attainment %.4f x %s"),
            component("cost", cost.mean(), -o.costWeight(), "cost %.1f replica-s x %s"),
            component(
                "risk", gap, -o.riskAversion(), "mean-to-worst-decile utility gap %.4f x %s"));
    double value = parts.stream().mapToDouble(ScoreComponent::contribution).sum();
    return new Score(value, parts);
  }

  private static ScoreComponent component(String name, double input, double weight, String fmt) {
    String text = String.format(Locale.ROOT, fmt, input, Double.toString(weight));
    return new ScoreComponent(name, input, weight, input * weight, text);
  }
}
