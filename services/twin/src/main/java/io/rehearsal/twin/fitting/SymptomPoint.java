package io.rehearsal.twin.fitting;

/**
 * What one endpoint showed in one time bucket.
 *
 * @param p50 median latency of successful requests, seconds (NaN if none succeeded)
 * @param p99 99th percentile latency of successful requests, seconds (NaN if none succeeded)
 * @param errorRate share of completed requests that failed or were rejected, in [0, 1]
 * @param throughput completed requests per second
 */
public record SymptomPoint(double p50, double p99, double errorRate, double throughput) {
  /** Validates the point. */
  public SymptomPoint {
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be in [0, 1], but was " + errorRate);
    }
    if (!(throughput >= 0) || Double.isInfinite(throughput)) {
      throw new IllegalArgumentException("throughput must be >= 0, but was " + throughput);
    }
  }
}
