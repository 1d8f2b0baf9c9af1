package io.rehearsal.store;

/**
 * Stored data contradicts its own integrity check (a content hash that does not match its bytes, an
 * unexpected script reply). It means corruption or tampering, never an expected outcome, so it is
 * thrown rather than returned.
 */
public final class StoreIntegrityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StoreIntegrityException(String message) {
    super(message);
  }
}
