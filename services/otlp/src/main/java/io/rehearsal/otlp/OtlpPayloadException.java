package io.rehearsal.otlp;

/**
 * A payload that cannot be taken as a whole: it does not decode, or it is larger than allowed. The
 * message is the reason, fit to return to the sender.
 */
public final class OtlpPayloadException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the payload. */
  public enum Problem {
    /** Not valid protobuf, JSON or gzip; permanent, the sender must not retry it. */
    MALFORMED,
    /** Larger than the receiver's limit, compressed or decompressed. */
    TOO_LARGE
  }

  private final Problem problem;

  /** A problem with a reason. */
  public OtlpPayloadException(Problem problem, String reason, Throwable cause) {
    super(reason, cause);
    this.problem = problem;
  }

  /** A problem with a reason. */
  public OtlpPayloadException(Problem problem, String reason) {
    this(problem, reason, null);
  }

  /** What is wrong. */
  public Problem problem() {
    return problem;
  }
}
