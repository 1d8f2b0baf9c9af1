package io.rehearsal.twin.run;

import io.rehearsal.twin.run.EndpointResult.BucketResult;
import java.util.List;

/**
 * Calls made to one external dependency in the measured window.
 *
 * @param dependency its name
 * @param calls attempts made
 * @param limited attempts answered 429 by the token bucket
 * @param errors attempts answered with an error
 * @param buckets the time series of the whole run, each call in the bucket it started in: ok
 *     (answered in time), failed (error, or slower than the caller's timeout), rejected (429) and
 *     the latency percentiles of the ok ones
 */
public record DependencyResult(
    String dependency, long calls, long limited, long errors, List<BucketResult> buckets) {
  /** Copies the buckets. */
  public DependencyResult {
    buckets = List.copyOf(buckets);
  }

  /** Attempts that got through the rate limit. */
  public long admitted() {
    return calls - limited;
  }
}
