package io.rehearsal.rehearse.evaluation;

import java.util.List;

/**
 * One metric of one arm per time bucket, as percentiles across the arm's replications (linear
 * interpolation between order statistics, as {@link OutcomeStatistics}); NaN where no replication
 * had a value in the bucket.
 *
 * @param p10 10th percentile per bucket
 * @param p50 median per bucket
 * @param p90 90th percentile per bucket
 */
public record BucketBand(List<Double> p10, List<Double> p50, List<Double> p90) {
  /** Copies the lists and checks they have one length. */
  public BucketBand {
    p10 = List.copyOf(p10);
    p50 = List.copyOf(p50);
    p90 = List.copyOf(p90);
    if (p10.size() != p50.size() || p50.size() != p90.size()) {
      throw new IllegalArgumentException(
          "p10, p50 and p90 must have one length, but had "
              + p10.size()
              + ", "
              + p50.size()
              + ", "
              + p90.size());
    }
  }

  /** Number of buckets. */
  public int size() {
    return p50.size();
  }
}
