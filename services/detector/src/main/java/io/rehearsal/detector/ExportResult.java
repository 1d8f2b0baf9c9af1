package io.rehearsal.detector;

import java.time.Duration;

/** How the detector answers one OTLP export, whatever the transport. */
sealed interface ExportResult {

  /**
   * Taken: every valid item will be counted.
   *
   * @param rejected items left out as invalid (0 for full success)
   * @param message why, for the partial-success response (empty for full success)
   */
  record Accepted(long rejected, String message) implements ExportResult {}

  /** The payload does not decode: INVALID_ARGUMENT / HTTP 400; the sender must not retry. */
  record Malformed(String reason) implements ExportResult {}

  /** The payload is larger than the detector takes: HTTP 413; the sender must split it. */
  record TooLarge(String reason) implements ExportResult {}

  /** Overloaded: RESOURCE_EXHAUSTED with RetryInfo / HTTP 429 with Retry-After. */
  record Throttled(String reason, Duration retryAfter) implements ExportResult {}
}
