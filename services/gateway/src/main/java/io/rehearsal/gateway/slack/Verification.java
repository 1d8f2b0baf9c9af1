package io.rehearsal.gateway.slack;

import java.util.Objects;

/**
 * The answer to "did this request come from Slack, now, for the first time?": accepted, or the
 * reason it was refused. A refusal is a value, never an exception.
 *
 * @param outcome accepted or why not
 * @param detail a sentence for the problem body and the log; never contains the secret
 */
public record Verification(Outcome outcome, String detail) {

  /** Why a request was accepted or refused. */
  public enum Outcome {
    /** Signed with our secret, inside the window, seen for the first time. */
    ACCEPTED,
    /** The timestamp or signature header is absent or blank. */
    MISSING_HEADER,
    /** The timestamp is not a number of seconds, or the signature not {@code v0=} and 64 hex. */
    MALFORMED,
    /** The timestamp is more than the window away from now, in either direction. */
    STALE,
    /** The signature does not match the body and timestamp under our secret. */
    BAD_SIGNATURE,
    /** The same signed request was accepted before. */
    REPLAYED
  }

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** Whether the request may be processed. */
  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }

  static Verification accept() {
    return new Verification(Outcome.ACCEPTED, "verified");
  }

  static Verification refuse(Outcome outcome, String detail) {
    return new Verification(outcome, detail);
  }
}
