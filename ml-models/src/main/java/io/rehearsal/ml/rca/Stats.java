package io.rehearsal.ml.rca;

/**
 * What one endpoint or one call edge did in one window.
 *
 * @param requests how many requests (or calls) ended in the window
 * @param ratePerSecond requests per second over the window
 * @param p50Ms median duration
 * @param p99Ms 99th percentile duration
 * @param meanMs mean duration
 * @param selfMeanMs mean self time (duration minus the time spent in calls); for a call edge, the
 *     mean duration
 * @param errorRate share of failed requests
 * @param ownErrorRate for an endpoint, the share of requests that failed although none of their
 *     calls failed; for a call edge, the share of calls that failed without any server answering
 *     (refused connections, a replica that is gone)
 * @param throttledRate share answered with HTTP 429 (a rate limit)
 */
public record Stats(
    long requests,
    double ratePerSecond,
    double p50Ms,
    double p99Ms,
    double meanMs,
    double selfMeanMs,
    double errorRate,
    double ownErrorRate,
    double throttledRate) {

  /** No requests at all. */
  public static final Stats EMPTY = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Checks the ranges; messages name the field and the bad value. */
  public Stats {
    check(requests >= 0, "requests", requests);
    check(ratePerSecond >= 0 && Double.isFinite(ratePerSecond), "ratePerSecond", ratePerSecond);
    check(p50Ms >= 0 && Double.isFinite(p50Ms), "p50Ms", p50Ms);
    check(p99Ms >= 0 && Double.isFinite(p99Ms), "p99Ms", p99Ms);
    check(meanMs >= 0 && Double.isFinite(meanMs), "meanMs", meanMs);
    check(selfMeanMs >= 0 && Double.isFinite(selfMeanMs), "selfMeanMs", selfMeanMs);
    check(share(errorRate), "errorRate", errorRate);
    check(share(ownErrorRate), "ownErrorRate", ownErrorRate);
    check(share(throttledRate), "throttledRate", throttledRate);
  }

  private static boolean share(double v) {
    return v >= 0 && v <= 1;
  }

  static void check(boolean ok, String field, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is out of range, but was " + value);
    }
  }
}
