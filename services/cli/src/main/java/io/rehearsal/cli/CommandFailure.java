package io.rehearsal.cli;

/**
 * A runtime failure with a message meant for the person at the terminal: it is printed without a
 * stack trace and the command exits with code 1.
 */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong and, where possible, what to do about it
   */
  public CommandFailure(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and, where possible, what to do about it
   * @param cause the underlying error
   */
  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
