package io.rehearsal.rehearse.evaluation;

import java.util.List;

/**
 * The predicted time series of one arm of an evaluation: p99 latency and error rate per time
 * bucket, averaged over the arm's replications (see {@link SeriesCollector}).
 *
 * @param arm the arm's name ({@link EvaluationPlan#DO_NOTHING} or the candidate's)
 * @param replications replications averaged
 * @param bucket bucket width, seconds
 * @param buckets in time order, covering the whole run (warm-up included)
 */
public record ArmSeries(String arm, int replications, double bucket, List<BucketMean> buckets) {
  /** Copies the list. */
  public ArmSeries {
    buckets = List.copyOf(buckets);
  }
}
