package io.rehearsal.rehearse.evaluation;

import java.util.function.ToDoubleFunction;

/** An outcome metric the evaluation reports per arm, and which direction is better. */
public enum Metric {
  /** Weighted share of requests meeting their SLO, fraction; higher is better. */
  SLO_ATTAINMENT(true),
  /**
   * SLO attainment with partial credit up to 4x each threshold ({@link SloGrades}); higher is
   * better.
   */
  GRADED_SLO_ATTAINMENT(true),
  /** Worst entry 99th-percentile latency, seconds; lower is better. */
  P99_LATENCY(false),
  /** Share of failed entry requests, fraction; lower is better. */
  ERROR_RATE(false),
  /** Seconds until the SLOs hold again (the run's duration if never); lower is better. */
  TIME_TO_RECOVER(false),
  /** Replica-seconds; lower is better. */
  COST(false),
  /** {@code graded_slo_attainment - costWeight * cost}, score units; higher is better. */
  UTILITY(true);

  private final boolean higherIsBetter;

  Metric(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
  }

  /** Whether larger values are better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The metric's value in one replication. */
  public double of(ReplicationOutcome o, Objectives objectives) {
    return extractor(objectives).applyAsDouble(o);
  }

  private ToDoubleFunction<ReplicationOutcome> extractor(Objectives objectives) {
    return switch (this) {
      case SLO_ATTAINMENT -> ReplicationOutcome::sloAttainment;
      case GRADED_SLO_ATTAINMENT -> ReplicationOutcome::gradedAttainment;
      case P99_LATENCY -> ReplicationOutcome::p99Latency;
      case ERROR_RATE -> ReplicationOutcome::errorRate;
      case TIME_TO_RECOVER -> ReplicationOutcome::timeToRecover;
      case COST -> ReplicationOutcome::cost;
      case UTILITY -> objectives::utility;
    };
  }
}
