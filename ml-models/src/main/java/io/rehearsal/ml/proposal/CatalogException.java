package io.rehearsal.ml.proposal;

/** A catalog that cannot be used; the message starts with {@code source:line:}. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
