package io.rehearsal.store;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's audit append while it waits in an {@link AuditGroupCommit}: its key and bytes, the
 * write it belongs with if any, and its answer — the entry, none (its write was not applied), or
 * the failure — which its batch gives it once.
 */
final class PendingAppend {

  final String key;
  final byte[] payload;
  final Optional<Condition> condition;
  private final CompletableFuture<Optional<AuditEntry>> answer = new CompletableFuture<>();

  /**
   * An entry that belongs with one write: appended only if the write with {@code token} is in the
   * record's list of applied writes ({@code writes}).
   */
  record Condition(byte[] writes, String token) {

    /** Validates. */
    Condition {
      Objects.requireNonNull(writes, "writes must not be null");
      Ids.require("token", token);
    }
  }

  PendingAppend(String key, byte[] payload, Optional<Condition> condition) {
    this.key = Objects.requireNonNull(key, "key must not be null");
    this.payload = Objects.requireNonNull(payload, "payload must not be null");
    this.condition = Objects.requireNonNull(condition, "condition must not be null");
  }

  PendingAppend(String key, byte[] payload) {
    this(key, payload, Optional.empty());
  }

  /** Answers with the appended (or already present) entry, unless answered already. */
  void succeed(AuditEntry appended) {
    answer.complete(Optional.of(appended));
  }

  /** Answers that nothing was appended: the write this entry belongs with was not applied. */
  void skip() {
    answer.complete(Optional.empty());
  }

  /** Answers with {@code cause}, unless answered already. */
  void fail(Throwable cause) {
    answer.completeExceptionally(cause);
  }

  boolean answered() {
    return answer.isDone();
  }

  /** The answer, when it comes: the entry, none, or the failure. */
  CompletableFuture<Optional<AuditEntry>> answer() {
    return answer;
  }
}
