package io.rehearsal.rehearse.fitting;

import java.util.List;

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

  /**
   * The mean point of a series: latencies over the points where they are defined (NaN if none),
   * error rate and throughput over all points.
   *
   * @throws IllegalArgumentException if {@code points} is empty
   */
  public static SymptomPoint mean(List<SymptomPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("points must not be empty");
    }
    double p50 = 0;
    double p99 = 0;
    int n = 0;
    double err = 0;
    double tput = 0;
    for (SymptomPoint p : points) {
      if (!Double.isNaN(p.p50()) && !Double.isNaN(p.p99())) {
        p50 += p.p50();
        p99 += p.p99();
        n++;
      }
      err += p.errorRate();
      tput += p.throughput();
    }
    int m = points.size();
    return new SymptomPoint(
        n == 0 ? Double.NaN : p50 / n, n == 0 ? Double.NaN : p99 / n, err / m, tput / m);
  }
}
