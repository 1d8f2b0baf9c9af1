package io.rehearsal.twin.run;

import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one endpoint did in the measured window of a run. Latencies are in seconds; the histogram
 * holds successful latencies in microseconds.
 *
 * @param endpoint {@code service/endpoint}
 * @param ok successful requests
 * @param errors failed requests (own errors and failed downstream calls)
 * @param timeouts requests failed because a downstream call timed out
 * @param rejected requests rejected (queue full, rate limited, no ready replica, shed)
 * @param callerTimeouts calls to this endpoint that the caller abandoned after its timeout
 * @param meanLatency mean latency of all completed requests
 * @param meanQueueWait mean time waiting for a worker, over requests that got one
 * @param waitedFraction share of requests that got a worker and had to wait for it
 * @param p50 median successful latency
 * @param p95 95th percentile successful latency
 * @param p99 99th percentile successful latency
 * @param throughput successful requests per second
 * @param latency histogram of successful latencies in microseconds
 * @param buckets the time series
 */
public record EndpointResult(
    String endpoint,
    long ok,
    long errors,
    long timeouts,
    long rejected,
    long callerTimeouts,
    double meanLatency,
    double meanQueueWait,
    double waitedFraction,
    double p50,
    double p95,
    double p99,
    double throughput,
    AbstractHistogram latency,
    List<BucketResult> buckets) {

  /** Copies the bucket list. */
  public EndpointResult {
    buckets = List.copyOf(buckets);
  }

  /** All completed requests. */
  public long total() {
    return ok + errors + timeouts + rejected;
  }

  /** Share of completed requests that did not succeed (0 when there were none). */
  public double errorRate() {
    return total() == 0 ? 0 : (double) (total() - ok) / total();
  }

  /**
   * One time bucket of an endpoint.
   *
   * @param start bucket start in seconds
   * @param ok successful requests completed in the bucket
   * @param failed requests that completed with an error or timeout
   * @param rejected rejected requests
   * @param p50 median successful latency (NaN if none)
   * @param p99 99th percentile successful latency (NaN if none)
   * @param spanP50 median successful latency as a server span measures it: from the start of
   *     handling, without the wait in the replica's queue (for a dependency call, as {@code p50})
   * @param spanP99 99th percentile of the same
   * @param latency histogram in microseconds, or null unless kept
   */
  public record BucketResult(
      double start,
      long ok,
      long failed,
      long rejected,
      double p50,
      double p99,
      double spanP50,
      double spanP99,
      AbstractHistogram latency) {
    /** All completed requests. */
    public long total() {
      return ok + failed + rejected;
    }
  }
}
