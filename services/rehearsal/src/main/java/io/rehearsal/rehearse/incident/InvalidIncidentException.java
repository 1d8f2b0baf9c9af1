package io.rehearsal.rehearse.incident;

/**
 * An incident file that cannot be read: the message names the file (when read from one), the path
 * of the bad field and the bad value, e.g. {@code inc.yaml: endpoints[2].errorRate[4]: must be in
 * [0, 1], but was 1.5}.
 */
public final class InvalidIncidentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An invalid incident described by {@code message}. */
  public InvalidIncidentException(String message) {
    super(message);
  }
}
