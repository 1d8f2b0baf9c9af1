package io.rehearsal.twin.spec;

/**
 * A token bucket: {@code rate} tokens per second up to {@code burst}; a call without a token is
 * answered 429 (rejected).
 *
 * @param rate tokens per second
 * @param burst bucket size (>= 1)
 */
public record RateLimitSpec(double rate, double burst) {
  /** Validates the bucket. */
  public RateLimitSpec {
    Check.positive("rate", rate);
    Check.range("burst", burst, 1, Double.MAX_VALUE);
  }
}
