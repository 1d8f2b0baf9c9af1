package io.rehearsal.calibration;

import io.rehearsal.telemetry.Span;
import java.util.List;

/**
 * One request served by an endpoint (a SERVER or CONSUMER span) and the calls it made, in start
 * order.
 *
 * @param span the span that served the request
 * @param endpoint {@code service/endpoint}
 * @param calls the logical calls it made
 * @param caller {@code service/endpoint} of the request that called it, or empty for an entry
 *     request (or one whose caller is missing from the recording)
 * @param outsideSeconds how much longer than this span the caller's attempt that it answered took
 *     (network, protocol handling, time queued for a worker), NaN when there was no CLIENT span
 */
public record ServedRequest(
    Span span, String endpoint, List<Call> calls, String caller, double outsideSeconds) {

  /** Copies the calls. */
  public ServedRequest {
    calls = List.copyOf(calls);
  }

  /** A request with no known caller. */
  public ServedRequest(Span span, String endpoint, List<Call> calls) {
    this(span, endpoint, calls, "", Double.NaN);
  }

  /** Whether the request entered the system here (its span has no parent). */
  public boolean root() {
    return span.isRoot();
  }

  /** The span's duration in seconds. */
  public double seconds() {
    return span.durationNanos() / 1e9;
  }

  /** Whether the request failed although every call it made succeeded: its own error. */
  public boolean ownError() {
    return span.error() && calls.stream().noneMatch(Call::failed);
  }
}
