package io.rehearsal.telemetry;

/**
 * What one endpoint served in one window: the SERVER (and CONSUMER) spans of the endpoint that
 * ended in the window.
 *
 * @param service the service
 * @param endpoint the endpoint key, e.g. {@code GET /cart}
 * @param windowNanos the window length in nanoseconds
 * @param requests how many requests ended in the window
 * @param errors how many of them failed
 * @param durationSumNanos the sum of their durations
 * @param latency their latency distribution (its count equals {@code requests})
 */
public record EndpointWindow(
    String service,
    String endpoint,
    long windowNanos,
    long requests,
    long errors,
    long durationSumNanos,
    LatencyHistogram latency) {

  private static final double NANOS_PER_SECOND = 1e9;

  /** Validates the counts; messages name the field and the bad value. */
  public EndpointWindow {
    Fields.name("service", service);
    Fields.name("endpoint", endpoint);
    Fields.positive("windowNanos", windowNanos);
    Fields.nonNegative("requests", requests);
    Fields.nonNegative("errors", errors);
    if (errors > requests) {
      throw new IllegalArgumentException(
          "errors must not exceed requests " + requests + ", but was " + errors);
    }
    Fields.nonNegative("durationSumNanos", durationSumNanos);
    Fields.present("latency", latency);
    if (latency.count() != requests) {
      throw new IllegalArgumentException(
          "latency.count must equal requests " + requests + ", but was " + latency.count());
    }
  }

  /** Requests per second over the window. */
  public double requestRate() {
    return requests * NANOS_PER_SECOND / windowNanos;
  }

  /** Failed fraction of the requests (0 when there were none). */
  public double errorRatio() {
    return requests == 0 ? 0 : (double) errors / requests;
  }

  /**
   * Mean number of requests in progress over the window by Little's law: the time requests spent in
   * the endpoint divided by the window length.
   */
  public double inFlight() {
    return (double) durationSumNanos / windowNanos;
  }
}
