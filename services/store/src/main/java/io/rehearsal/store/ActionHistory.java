package io.rehearsal.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The actions taken per target, newest last: a sorted set {@code PREFIX {history}:<target>} of
 * caller-chosen members scored by time (ms). Members are added or removed only by a journaled
 * decision write ({@link DecisionJournal#create(String, byte[], byte[], DecisionJournal.OutboxOp,
 * long, Change)}), in the same atomic script as the decision, so a decision is never approved
 * without its history entry; each add trims the set to the caller's window and to {@link
 * #KEPT_PER_TARGET} members.
 */
public final class ActionHistory {

  /** Members kept per target at most, whatever the window. */
  public static final int KEPT_PER_TARGET = 1_000;

  private final RedisCommands<byte[], byte[]> redis;
  private final Function<String, byte[]> key;

  ActionHistory(RedisCommands<byte[], byte[]> redis, Function<String, byte[]> key) {
    this.redis = redis;
    this.key = key;
  }

  /** What a journaled write does to a target's history. */
  public enum Op {
    /** Leave it. */
    NONE,
    /** Add (or re-time) the member, then trim members older than {@code keepAfterMillis}. */
    ADD,
    /** Remove the member (the action did not happen after all). */
    REMOVE
  }

  /**
   * A change to one target's history.
   *
   * @param op what to do
   * @param target the target's key, as {@link Ids#require} accepts
   * @param member the entry, e.g. {@code RESTART dec-1f…}; 1-200 characters without newlines
   * @param atMillis the entry's time
   * @param keepAfterMillis members older than this are trimmed on an add
   */
  public record Change(Op op, String target, String member, long atMillis, long keepAfterMillis) {

    /** No change. */
    public static final Change NONE = new Change(Op.NONE, "none", "none", 0, 0);

    /** Validates the target and member once. */
    public Change {
      Objects.requireNonNull(op, "op");
      Ids.require("history target", target);
      if (member == null || member.isEmpty() || member.length() > 200 || member.contains("\n")) {
        throw new IllegalArgumentException(
            "history member must be 1-200 characters without newlines, but was '" + member + "'");
      }
    }

    String opName() {
      return op.name().toLowerCase(Locale.ROOT);
    }
  }

  /** An entry of a target's history. */
  public record Entry(String member, long atMillis) {}

  /**
   * Up to {@code limit} entries of {@code target} at or after {@code sinceMillis}, newest first.
   */
  public List<Entry> since(String target, long sinceMillis, int limit) {
    return Reads.await(sinceAsync(target, sinceMillis, limit));
  }

  /** {@link #since} without waiting, to read it together with other records ({@link Reads}). */
  public CompletableFuture<List<Entry>> sinceAsync(String target, long sinceMillis, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, but was " + limit);
    }
    return redis
        .getStatefulConnection()
        .async()
        .zrevrangebyscoreWithScores(
            key(target),
            Range.create((double) sinceMillis, Double.POSITIVE_INFINITY),
            Limit.create(0, limit))
        .toCompletableFuture()
        .thenApply(ActionHistory::entries);
  }

  private static List<Entry> entries(List<ScoredValue<byte[]>> found) {
    return found.stream()
        .map(v -> new Entry(Keys.text(v.getValue()), (long) v.getScore()))
        .toList();
  }

  byte[] key(String target) {
    return key.apply("{history}:" + Ids.require("history target", target));
  }
}
