package io.rehearsal.store;

import java.util.Objects;

/**
 * One caller's audit append while it waits in an {@link AuditGroupCommit}: its key and bytes, then
 * its own answer (the entry, or the failure to throw) or a turn to lead the next batch.
 */
final class PendingAppend {

  final String key;
  final byte[] payload;
  private AuditEntry entry;
  private RuntimeException failure;
  private boolean answered;
  private boolean leading;

  PendingAppend(String key, byte[] payload) {
    this.key = Objects.requireNonNull(key, "key must not be null");
    this.payload = Objects.requireNonNull(payload, "payload must not be null");
  }

  synchronized void succeed(AuditEntry appended) {
    if (!answered) {
      entry = appended;
      answered = true;
      notifyAll();
    }
  }

  synchronized void fail(RuntimeException cause) {
    if (!answered) {
      failure = cause;
      answered = true;
      notifyAll();
    }
  }

  synchronized boolean answered() {
    return answered;
  }

  /** Hands this waiter the next batch. */
  synchronized void lead() {
    leading = true;
    notifyAll();
  }

  /**
   * Waits until this append is answered (true) or is handed the next batch (false). Not cut short
   * by an interrupt: once queued, the append may be written, and its caller must learn the outcome;
   * the interrupt is kept for the caller.
   */
  synchronized boolean await() {
    boolean interrupted = false;
    while (!answered && !leading) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return answered;
  }

  /** The appended (or already present) entry; throws this append's failure. */
  synchronized AuditEntry result() {
    if (!answered) {
      throw new IllegalStateException("audit append of key " + key + " is not answered yet");
    }
    if (failure != null) {
      throw failure;
    }
    return entry;
  }
}
