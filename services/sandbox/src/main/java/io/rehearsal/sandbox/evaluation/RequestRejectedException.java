package io.rehearsal.sandbox.evaluation;

/**
 * A well-formed request the sandbox cannot serve in the current state: the twin snapshot it names
 * is unknown ({@link Reason#NOT_FOUND}) or unusable ({@link Reason#FAILED_PRECONDITION}).
 */
public final class RequestRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why; the service answers with the gRPC status of the same name. */
  public enum Reason {
    /** Something the request names does not exist. */
    NOT_FOUND,
    /** Something the request names exists but cannot be used. */
    FAILED_PRECONDITION
  }

  private final Reason reason;

  /** A rejection with its reason and a message naming the field and value. */
  public RequestRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the request was rejected. */
  public Reason reason() {
    return reason;
  }
}
