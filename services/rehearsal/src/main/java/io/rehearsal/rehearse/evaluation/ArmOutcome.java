package io.rehearsal.rehearse.evaluation;

import java.util.List;

/**
 * Distributions of the outcome metrics across the replications of one arm.
 *
 * @param statistics one per {@link Metric}, in enum order
 */
public record ArmOutcome(List<OutcomeStatistics> statistics) {
  /** Copies the list and checks its size. */
  public ArmOutcome {
    statistics = List.copyOf(statistics);
    if (statistics.size() != Metric.values().length) {
      throw new IllegalArgumentException(
          "statistics must have one entry per metric, but had " + statistics.size());
    }
  }

  /** The statistics of one metric. */
  public OutcomeStatistics of(Metric metric) {
    return statistics.get(metric.ordinal());
  }
}
