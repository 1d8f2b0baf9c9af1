package io.rehearsal.twin.spec;

import java.util.List;

/**
 * User sessions: each visits {@code steps} in order with think time between; a failed step is
 * retried by the client up to {@code retries} times after {@code retryDelay}, re-authenticating
 * first through {@code reauth} when it is set. Retry storms emerge from this loop.
 *
 * @param name unique name
 * @param starts arrival process of new sessions
 * @param steps endpoints visited in order ({@code service/endpoint})
 * @param think think time between steps
 * @param retries client retries per step (default 0)
 * @param retryDelay seconds before a client retry (default 1)
 * @param reauth endpoint called before a retry, or null
 */
public record SessionSpec(
    String name,
    ArrivalPattern starts,
    List<String> steps,
    Distribution think,
    Integer retries,
    Double retryDelay,
    String reauth) {
  /** Validates the session model and fills defaults. */
  public SessionSpec {
    Check.name("name", name);
    Check.present("starts", starts);
    steps = Check.list(steps);
    if (steps.isEmpty()) {
      throw Check.fail("steps", "must list at least one endpoint");
    }
    think = think == null ? new Distribution.Constant(0) : think;
    retries = Check.atLeast("retries", retries == null ? 0 : retries, 0);
    retryDelay = Check.nonNegative("retryDelay", Check.or(retryDelay, 1));
  }
}
