package io.rehearsal.rehearse.reality;

/**
 * One request as the client (the load generator) saw it: the user's view, in which the latency runs
 * from sending to the answer, queueing at the entry service included, as the twin's does.
 *
 * @param endpoint the SLO endpoint it belongs to ({@code service/endpoint})
 * @param epochNanos when it was sent
 * @param status HTTP status, or 0 when it got no answer (refused, timed out, dropped)
 * @param latencyNanos from sending to the answer
 */
public record ClientRequest(String endpoint, long epochNanos, int status, long latencyNanos) {

  /** Whether it succeeded within {@code seconds}. */
  boolean goodWithin(double seconds) {
    return status > 0 && status < 400 && latencyNanos <= seconds * 1e9;
  }
}
