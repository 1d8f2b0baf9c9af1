package io.rehearsal.twin.spec;

/**
 * A count-based circuit breaker (resilience4j semantics): over the last {@code window} calls, once
 * at least {@code minimumCalls} were made, a failure rate >= {@code failureRate} opens it; it fails
 * calls fast for {@code openFor} seconds, then lets {@code halfOpenCalls} trial calls through and
 * closes if they all succeed.
 *
 * @param failureRate threshold in (0, 1]
 * @param window sliding window size in calls
 * @param minimumCalls calls needed before the rate counts
 * @param openFor seconds the breaker stays open
 * @param halfOpenCalls trial calls in half-open state
 */
public record BreakerSpec(
    double failureRate, int window, int minimumCalls, double openFor, int halfOpenCalls) {
  /** Validates the breaker. */
  public BreakerSpec {
    Check.range("failureRate", failureRate, Double.MIN_VALUE, 1);
    Check.atLeast("window", window, 1);
    Check.atLeast("minimumCalls", minimumCalls, 1);
    if (minimumCalls > window) {
      throw Check.fail(
          "minimumCalls", "must be <= window (" + window + "), but was " + minimumCalls);
    }
    Check.positive("openFor", openFor);
    Check.atLeast("halfOpenCalls", halfOpenCalls, 1);
  }
}
