package io.rehearsal.gateway.dispatch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt {@code n} (1-based) waits {@code initial * multiplier^(n
 * - 1)}, capped at {@code max}, minus a random share of up to {@code jitter} of it, so gateways
 * that failed together do not retry together.
 *
 * @param initial wait after the first failed attempt (positive)
 * @param max longest wait (at least {@code initial})
 * @param multiplier growth per attempt (at least 1)
 * @param jitter share of the wait drawn at random, in [0, 1]
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

  /** Checks the bounds. */
  public Backoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("backoff initial must be positive, but was " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff max must be at least initial (" + initial + "), but was " + max);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("backoff multiplier must be >= 1, but was " + multiplier);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("backoff jitter must be in [0, 1], but was " + jitter);
    }
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based), drawing jitter from {@code random}.
   */
  public Duration delay(int attempt, RandomGenerator random) {
    double base = initial.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, max.toNanos());
    double waited = capped * (1 - jitter * random.nextDouble());
    return Duration.ofNanos(Math.max(1, (long) waited));
  }
}
