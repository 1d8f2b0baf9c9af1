package io.rehearsal.store;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's audit append while it waits in an {@link AuditGroupCommit}: its key and bytes, and
 * its answer — the entry, or the failure — which its batch gives it once.
 */
final class PendingAppend {

  final String key;
  final byte[] payload;
  private final CompletableFuture<AuditEntry> answer = new CompletableFuture<>();

  PendingAppend(String key, byte[] payload) {
    this.key = Objects.requireNonNull(key, "key must not be null");
    this.payload = Objects.requireNonNull(payload, "payload must not be null");
  }

  /** Answers with the appended (or already present) entry, unless answered already. */
  void succeed(AuditEntry appended) {
    answer.complete(appended);
  }

  /** Answers with {@code cause}, unless answered already. */
  void fail(Throwable cause) {
    answer.completeExceptionally(cause);
  }

  boolean answered() {
    return answer.isDone();
  }

  /** The answer, when it comes: the entry, or the failure. */
  CompletableFuture<AuditEntry> answer() {
    return answer;
  }
}
