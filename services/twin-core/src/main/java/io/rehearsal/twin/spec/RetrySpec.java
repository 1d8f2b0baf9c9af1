package io.rehearsal.twin.spec;

/**
 * Retries of a failed call (error, timeout, rejection): attempt k (1-based) waits min(maxBackoff,
 * backoff * multiplier^(k-1)) * (1 - jitter * u), u uniform in [0, 1).
 *
 * @param maxRetries retries after the first attempt
 * @param backoff first backoff in seconds
 * @param multiplier growth per retry (default 2)
 * @param maxBackoff cap in seconds (default 10)
 * @param jitter fraction of the backoff that is randomised (default 0.5)
 */
public record RetrySpec(
    int maxRetries, double backoff, Double multiplier, Double maxBackoff, Double jitter) {
  /** Validates the policy and fills defaults. */
  public RetrySpec {
    Check.atLeast("maxRetries", maxRetries, 0);
    Check.nonNegative("backoff", backoff);
    multiplier = Check.range("multiplier", Check.or(multiplier, 2), 1, 100);
    maxBackoff = Check.nonNegative("maxBackoff", Check.or(maxBackoff, 10));
    jitter = Check.probability("jitter", Check.or(jitter, 0.5));
  }
}
