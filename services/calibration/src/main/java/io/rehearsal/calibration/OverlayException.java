package io.rehearsal.calibration;

/**
 * An infrastructure overlay is invalid, or names something the telemetry never saw. The message
 * starts with the path of the bad field, e.g. {@code services.catalog.workers: must be >= 1, but
 * was 0}.
 */
public final class OverlayException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the path and the bad value. */
  public OverlayException(String message) {
    super(message);
  }

  static OverlayException at(String path, String message) {
    return new OverlayException(path + ": " + message);
  }
}
