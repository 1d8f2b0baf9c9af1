package io.rehearsal.ml.nab;

/** A NAB file that cannot be read: the message names the file and, where known, the line. */
public final class NabFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the file and line
   */
  public NabFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the file and line
   * @param cause the underlying error
   */
  public NabFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
