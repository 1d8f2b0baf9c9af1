package io.rehearsal.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Group commit of one process's audit appends. While one batch is being written, later appends
 * queue; the thread whose batch is done hands the next batch to the oldest waiter, which takes
 * everyone waiting (up to {@link #MAX_BATCH}, oldest first) and writes them with one script call —
 * one round trip and one AOF fsync for the whole batch instead of one each. A key already in the
 * batch stays queued for the next one, so a batch never holds a key twice. Every append is answered
 * on its own (its entry, or its failure) and only after its batch's write returned.
 */
final class AuditGroupCommit {

  /** Appends written by one script call at most. */
  static final int MAX_BATCH = 256;

  private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>();
  private final Consumer<List<PendingAppend>> writer;
  private boolean leading;

  /**
   * @param writer writes a batch and answers each of its appends; an exception it throws fails
   *     every append of the batch it left unanswered
   */
  AuditGroupCommit(Consumer<List<PendingAppend>> writer) {
    this.writer = writer;
  }

  /** Queues {@code append}, waits for its batch, and returns its entry or throws its failure. */
  AuditEntry submit(PendingAppend append) {
    boolean lead;
    synchronized (this) {
      queue.addLast(append);
      lead = !leading;
      leading = true;
    }
    if (!lead && append.await()) {
      return append.result();
    }
    boolean handedOn = false;
    try {
      while (!append.answered()) {
        write(take());
      }
      handOn();
      handedOn = true;
    } finally {
      if (!handedOn) {
        handOn();
      }
    }
    return append.result();
  }

  private void write(List<PendingAppend> batch) {
    RuntimeException failure = null;
    try {
      writer.accept(batch);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      for (PendingAppend pending : batch) {
        pending.fail(
            failure != null
                ? failure
                : new IllegalStateException(
                    "audit append of key " + pending.key + " was not answered by its batch"));
      }
    }
  }

  /** Appends waiting for a batch (for tests). */
  synchronized int queued() {
    return queue.size();
  }

  private synchronized List<PendingAppend> take() {
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

  private synchronized void handOn() {
    PendingAppend next = queue.peekFirst();
    if (next == null) {
      leading = false;
    } else {
      next.lead();
    }
  }
}
