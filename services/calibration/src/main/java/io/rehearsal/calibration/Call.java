package io.rehearsal.calibration;

import java.util.List;

/**
 * One logical call a request made: its attempts (a retry after a failed attempt to the same target
 * belongs to the same call) and what they called.
 *
 * @param target {@code service/endpoint} of a modelled service, or the name of an external
 *     dependency
 * @param external whether the target is an external dependency (no SERVER span ever answered it)
 * @param attempts the attempts in start order, at least one
 */
public record Call(String target, boolean external, List<Attempt> attempts) {

  /** Copies the attempts. */
  public Call {
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("attempts of a call to " + target + " must not be empty");
    }
  }

  /** Start of the first attempt. */
  public long startNanos() {
    return attempts.get(0).startNanos();
  }

  /** End of the last attempt. */
  public long endNanos() {
    return attempts.stream().mapToLong(Attempt::endNanos).max().orElseThrow();
  }

  /** Whether the call failed in the end (its last attempt failed). */
  public boolean failed() {
    return attempts.get(attempts.size() - 1).error();
  }
}
