package io.rehearsal.calibration;

/**
 * One attempt of a call, as its CLIENT span recorded it (or, for a request that a caller propagated
 * without a CLIENT span, as the answering SERVER span recorded it).
 *
 * @param startNanos start, epoch nanoseconds
 * @param endNanos end, epoch nanoseconds
 * @param error whether the attempt failed
 * @param httpStatus the HTTP status, or 0 when there was none (e.g. a timeout)
 * @param answered whether a SERVER span of the callee answered it
 * @param serverNanos duration of the answering SERVER span, or 0 when none answered
 */
public record Attempt(
    long startNanos,
    long endNanos,
    boolean error,
    int httpStatus,
    boolean answered,
    long serverNanos) {

  /**
   * What the attempt took beyond the answering SERVER span: network, protocol handling and time
   * queued for a worker, in seconds (NaN when nobody answered).
   */
  public double outsideServerSeconds() {
    return answered ? (endNanos - startNanos - serverNanos) / 1e9 : Double.NaN;
  }

  /** End minus start in seconds. */
  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }

  /** True for a rate-limit answer (HTTP 429). */
  public boolean rateLimited() {
    return httpStatus == 429;
  }
}
