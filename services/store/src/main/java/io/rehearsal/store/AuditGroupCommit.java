package io.rehearsal.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Group commit of one process's audit appends, without a thread waiting on any of them. While one
 * batch is being written, later appends queue; when a batch's write completes, everyone waiting (up
 * to {@link #MAX_BATCH}, oldest first) goes out as the next batch with one script call — one round
 * trip and one AOF fsync for the whole batch instead of one each. A key already in the batch stays
 * queued for the next one, so a batch never holds a key twice. Every append is answered on its own
 * (its entry, or its failure) and only once its batch's write completed.
 *
 * <p>Answers complete where the write completed (on the Redis client's I/O thread): whoever
 * continues from an append's future must not block there.
 */
final class AuditGroupCommit {

  /** Appends written by one script call at most. */
  static final int MAX_BATCH = 256;

  private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>();
  private final Function<List<PendingAppend>, CompletableFuture<?>> writer;
  private boolean writing;

  /**
   * @param writer starts writing a batch and answers each of its appends; when its future fails (or
   *     it throws), every append of the batch it left unanswered fails with that cause
   */
  AuditGroupCommit(Function<List<PendingAppend>, CompletableFuture<?>> writer) {
    this.writer = writer;
  }

  /** Queues {@code append}; its answer, once its batch is written. */
  CompletableFuture<Optional<AuditEntry>> submit(PendingAppend append) {
    List<PendingAppend> batch = null;
    synchronized (this) {
      queue.addLast(append);
      if (!writing) {
        writing = true;
        batch = take();
      }
    }
    if (batch != null) {
      write(batch);
    }
    return append.answer();
  }

  /** Appends waiting for a batch (for tests). */
  synchronized int queued() {
    return queue.size();
  }

  /** Writes {@code batch}, then each next one, until nothing is queued. */
  private void write(List<PendingAppend> batch) {
    CompletableFuture<?> written;
    try {
      written = writer.apply(batch);
    } catch (RuntimeException e) {
      written = CompletableFuture.failedFuture(e);
    }
    written.whenComplete(
        (ignored, failure) -> {
          answerTheRest(batch, failure);
          List<PendingAppend> next;
          synchronized (this) {
            next = queue.isEmpty() ? null : take();
            writing = next != null;
          }
          if (next != null) {
            write(next);
          }
        });
  }

  private static void answerTheRest(List<PendingAppend> batch, Throwable failure) {
    Throwable cause = failure == null ? null : Reads.cause(failure);
    for (PendingAppend pending : batch) {
      if (!pending.answered()) {
        pending.fail(
            cause != null
                ? cause
                : new IllegalStateException(
                    "audit append of key " + pending.key + " was not answered by its batch"));
      }
    }
  }

  private List<PendingAppend> take() {
    List<PendingAppend> batch = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Iterator<PendingAppend> waiting = queue.iterator();
    while (waiting.hasNext() && batch.size() < MAX_BATCH) {
      PendingAppend next = waiting.next();
      if (keys.add(next.key)) {
        batch.add(next);
        waiting.remove();
      }
    }
    return batch;
  }
}
