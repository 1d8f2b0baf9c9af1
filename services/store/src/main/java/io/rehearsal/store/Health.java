package io.rehearsal.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer to a readiness probe: whether Redis answered, what it said, how long it took.
 *
 * @param up whether a PING was answered
 * @param detail the reply ({@code PONG}) or why it failed
 * @param latency time from sending the PING to the answer or the failure
 */
public record Health(boolean up, String detail, Duration latency) {

  /** Validates the fields. */
  public Health {
    Objects.requireNonNull(detail, "detail must not be null");
    Objects.requireNonNull(latency, "latency must not be null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, but was " + latency);
    }
  }

  static Health up(String detail, Duration latency) {
    return new Health(true, detail, latency);
  }

  static Health down(String detail, Duration latency) {
    return new Health(false, detail, latency);
  }
}
