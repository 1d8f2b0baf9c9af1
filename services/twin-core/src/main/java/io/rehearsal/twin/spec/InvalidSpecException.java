package io.rehearsal.twin.spec;

/**
 * A twin spec or scenario is invalid. The message starts with the path of the offending field (for
 * example {@code services[2].endpoints[0].calls[1].to}) when it is known, then names the bad value.
 * Thrown only while loading or building a spec, never while a simulation runs.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the path and the bad value. */
  public InvalidSpecException(String message) {
    super(message);
  }

  /** Returns a copy whose message is prefixed by {@code path}. */
  public InvalidSpecException under(String path) {
    return new InvalidSpecException(path + "." + getMessage());
  }
}
