package io.rehearsal.ml.model;

/** An artifact that cannot be used: corrupt, of an unknown format, or inconsistent. */
public final class ModelArtifactException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the artifact
   * @param cause the underlying error, or null
   */
  public ModelArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
