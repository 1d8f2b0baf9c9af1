package io.rehearsal.gateway.dispatch;

import java.time.Duration;

/**
 * How the dispatcher works through the outbox.
 *
 * @param maxAttempts attempts before a delivery is dead-lettered (at least 1)
 * @param backoff waits between attempts
 * @param timeout how long one HTTP attempt may take, connect to response
 * @param lease how long a claimed delivery is reserved; a gateway that dies mid-delivery releases
 *     it when the lease ends (longer than {@code timeout})
 * @param pollInterval how often the outbox is polled when idle
 * @param batchSize deliveries claimed per poll
 * @param concurrency deliveries in flight at once
 */
public record DispatchSettings(
    int maxAttempts,
    Backoff backoff,
    Duration timeout,
    Duration lease,
    Duration pollInterval,
    int batchSize,
    int concurrency) {

  /** Checks the bounds. */
  public DispatchSettings {
    positive("max-attempts", maxAttempts);
    positive("batch-size", batchSize);
    positive("concurrency", concurrency);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("dispatch timeout must be positive, but was " + timeout);
    }
    if (lease.compareTo(timeout) <= 0) {
      throw new IllegalArgumentException(
          "dispatch lease must be longer than the timeout (" + timeout + "), but was " + lease);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "dispatch poll-interval must be positive, but was " + pollInterval);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("dispatch " + name + " must be >= 1, but was " + value);
    }
  }
}
