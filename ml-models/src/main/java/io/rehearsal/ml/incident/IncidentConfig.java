package io.rehearsal.ml.incident;

/**
 * Every parameter of incident detection, validated once. Time is counted in one-second buckets.
 *
 * @param burnRate the SLO burn-rate alert
 * @param anomaly the baseline anomalies of endpoints
 * @param concurrency when a service serving one request at a time is a symptom
 * @param grouping how symptoms make incidents and when incidents end
 * @param latenessSeconds how long a second stays open for late requests before it is judged (spans
 *     arrive after they end, in export batches)
 */
public record IncidentConfig(
    BurnRate burnRate,
    Anomaly anomaly,
    Concurrency concurrency,
    Grouping grouping,
    int latenessSeconds) {

  /** Validates that every part is present. */
  public IncidentConfig {
    require(burnRate != null, "burnRate", "null");
    require(anomaly != null, "anomaly", "null");
    require(concurrency != null, "concurrency", "null");
    require(grouping != null, "grouping", "null");
    require(latenessSeconds >= 0 && latenessSeconds <= 600, "latenessSeconds", latenessSeconds);
  }

  /**
   * The defaults, sized for the reference shop's 70-second incident recordings (see the module
   * README: the SRE workbook's 1 h / 5 min pair scaled down by 120).
   */
  public static IncidentConfig defaults() {
    return new IncidentConfig(
        new BurnRate(30, 5, 6, 20),
        new Anomaly(5, 15, 300, 6, 5.0, 1.6, 20, 0.05, 1.6, 3),
        new Concurrency(8, 1e-6, 20),
        new Grouping(30, 1, 20, 60),
        2);
  }

  /**
   * Multi-window burn-rate alert: an SLO alerts when the share of bad requests divided by the error
   * budget is at least {@code threshold} over both the long and the short window (the long one says
   * the budget is really burning, the short one that it still is).
   *
   * @param longSeconds the long window
   * @param shortSeconds the short window, shorter than the long one
   * @param threshold the burn rate both windows must reach
   * @param minRequests requests the long window needs before it speaks
   */
  public record BurnRate(int longSeconds, int shortSeconds, double threshold, int minRequests) {
    /** Validates the ranges. */
    public BurnRate {
      require(longSeconds >= 2 && longSeconds <= 86_400, "burnRate.longSeconds", longSeconds);
      require(
          shortSeconds >= 1 && shortSeconds < longSeconds, "burnRate.shortSeconds", shortSeconds);
      require(threshold > 0, "burnRate.threshold", threshold);
      require(minRequests >= 1, "burnRate.minRequests", minRequests);
    }
  }

  /**
   * Baseline anomalies per endpoint and signal: each second the last {@code windowSeconds} give a
   * latency p50 and p99, an error rate and a throughput; a value is anomalous when it is beyond the
   * median of the normal history by {@code sigmas} robust deviations and by the relative factor,
   * for {@code consecutive} seconds in a row. Anomalous values are not learned.
   *
   * @param windowSeconds seconds aggregated into one value
   * @param warmupSeconds values learned before a series can be anomalous
   * @param historySeconds normal values kept
   * @param consecutive anomalous seconds in a row that make a symptom
   * @param sigmas robust deviations (1.4826 MAD) beyond the median
   * @param latencyFactor the p50 or p99 must also exceed the median times this
   * @param latencyMinMillis and exceed it by at least this many milliseconds
   * @param errorRateMin the error rate must also exceed the median by this much
   * @param throughputFactor throughput must exceed the median times this, or fall below its inverse
   * @param minRequests requests a window needs before latency and error rate speak
   */
  public record Anomaly(
      int windowSeconds,
      int warmupSeconds,
      int historySeconds,
      int consecutive,
      double sigmas,
      double latencyFactor,
      double latencyMinMillis,
      double errorRateMin,
      double throughputFactor,
      int minRequests) {
    /** Validates the ranges. */
    public Anomaly {
      require(windowSeconds >= 1 && windowSeconds <= 3600, "anomaly.windowSeconds", windowSeconds);
      require(warmupSeconds >= 3, "anomaly.warmupSeconds", warmupSeconds);
      require(historySeconds >= warmupSeconds, "anomaly.historySeconds", historySeconds);
      require(consecutive >= 1, "anomaly.consecutive", consecutive);
      require(sigmas > 0, "anomaly.sigmas", sigmas);
      require(latencyFactor >= 1, "anomaly.latencyFactor", latencyFactor);
      require(latencyMinMillis >= 0, "anomaly.latencyMinMillis", latencyMinMillis);
      require(errorRateMin > 0 && errorRateMin < 1, "anomaly.errorRateMin", errorRateMin);
      require(throughputFactor > 1, "anomaly.throughputFactor", throughputFactor);
      require(minRequests >= 1, "anomaly.minRequests", minRequests);
    }
  }

  /**
   * A service whose requests stop overlapping (it serves one at a time: lost workers, a lock). Each
   * second, over the anomaly window, the share of the service's requests that started while an
   * earlier one was running is compared with its normal median (learned, warmed up and judged in a
   * row as the anomalies are): anomalous below the median divided by {@code factor} when, at the
   * normal share, so few overlaps among the window's requests have a binomial probability below
   * {@code tailProbability}.
   *
   * @param factor the share must fall below the median divided by this
   * @param tailProbability how improbable so few overlaps must be at the normal share
   * @param minRequests requests the window needs before it speaks
   */
  public record Concurrency(double factor, double tailProbability, int minRequests) {
    /** Validates the ranges. */
    public Concurrency {
      require(factor > 1, "concurrency.factor", factor);
      require(
          tailProbability > 0 && tailProbability < 1,
          "concurrency.tailProbability",
          tailProbability);
      require(minRequests >= 1, "concurrency.minRequests", minRequests);
    }
  }

  /**
   * Grouping and lifecycle: a symptom joins an open incident opened at most {@code windowSeconds}
   * earlier whose services are at most {@code hops} calls away; an incident with no active symptom
   * for {@code quietSeconds} ends; a symptom within {@code cooldownSeconds} of an ended incident's
   * end that touches its services re-opens it instead of opening a new one.
   *
   * @param windowSeconds how long after opening an incident takes new symptoms
   * @param hops call-graph distance (in service-to-service calls, either direction)
   * @param quietSeconds seconds without symptoms before an incident ends
   * @param cooldownSeconds flap suppression after an incident ends
   */
  public record Grouping(int windowSeconds, int hops, int quietSeconds, int cooldownSeconds) {
    /** Validates the ranges. */
    public Grouping {
      require(windowSeconds >= 0, "grouping.windowSeconds", windowSeconds);
      require(hops >= 0 && hops <= 16, "grouping.hops", hops);
      require(quietSeconds >= 1, "grouping.quietSeconds", quietSeconds);
      require(cooldownSeconds >= 0, "grouping.cooldownSeconds", cooldownSeconds);
    }
  }

  static void require(boolean ok, String field, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is out of range, but was " + value);
    }
  }
}
