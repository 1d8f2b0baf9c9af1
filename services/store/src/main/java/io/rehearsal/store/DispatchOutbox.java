package io.rehearsal.store;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The hook outbox: decisions waiting to be delivered, keyed by decision id (the delivery's
 * idempotency key), each with a due time, an attempt count and its last error. An entry is added by
 * the same {@link DecisionJournal} write that approves the decision and removed by the write that
 * moves it on, so it survives any restart. Delivery is at least once: a claimer leases entries; one
 * that dies loses its lease and another claims them again.
 */
public final class DispatchOutbox {

  private static final LuaScript CLAIM = LuaScript.load("outbox_claim.lua");
  private static final LuaScript MOVE = LuaScript.load("outbox_move.lua");

  private final RedisCommands<byte[], byte[]> redis;
  private final Function<String, byte[]> key;

  DispatchOutbox(RedisCommands<byte[], byte[]> redis, Function<String, byte[]> key) {
    this.redis = redis;
    this.key = key;
  }

  /** An entry claimed for delivery. */
  public record Claim(String decisionId, int attempt) {}

  /** A dead-lettered entry. */
  public record Dead(String decisionId, int attempts, String lastError, long atMillis) {}

  /**
   * Claims up to {@code limit} entries due at {@code nowMillis}, leasing each until {@code
   * leaseUntilMillis} and counting the attempt.
   */
  public List<Claim> claim(long nowMillis, long leaseUntilMillis, int limit) {
    List<Object> reply =
        CLAIM.run(
            redis,
            new byte[][] {due(), attempts()},
            number(nowMillis),
            number(leaseUntilMillis),
            number(limit));
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i + 1 < reply.size(); i += 2) {
      claims.add(new Claim(Replies.textAt(reply, i), (int) Replies.longAt(reply, i + 1)));
    }
    return claims;
  }

  /** Reschedules a live entry at {@code dueMillis} after a failed attempt; false if it is gone. */
  public boolean retryLater(String decisionId, long dueMillis, String error) {
    return move(due(), due(), decisionId, dueMillis, error, false);
  }

  /** Moves a live entry to the dead letters; false if it is gone. */
  public boolean deadLetter(String decisionId, long atMillis, String error) {
    return move(due(), dead(), decisionId, atMillis, error, false);
  }

  /** Puts a dead letter back, due at {@code dueMillis} with no attempts; false if none. */
  public boolean revive(String decisionId, long dueMillis) {
    return move(dead(), due(), decisionId, dueMillis, "", true);
  }

  /** Removes a live entry without a decision write (e.g. nothing to deliver it to). */
  public void remove(String decisionId) {
    remove(List.of(decisionId));
  }

  /**
   * Removes live entries without a decision write, in one round trip whatever their number (a
   * dispatcher clears a batch of decisions with nothing to deliver at once).
   */
  public void remove(List<String> decisionIds) {
    if (decisionIds.isEmpty()) {
      return;
    }
    byte[][] ids = decisionIds.stream().map(Keys::utf8).toArray(byte[][]::new);
    RedisAsyncCommands<byte[], byte[]> async = redis.getStatefulConnection().async();
    Reads.await(
        CompletableFuture.allOf(
            async.zrem(due(), ids).toCompletableFuture(),
            async.hdel(attempts(), ids).toCompletableFuture(),
            async.hdel(errors(), ids).toCompletableFuture()));
  }

  /** The dead letters, newest first. */
  public List<Dead> dead(int limit) {
    List<ScoredValue<byte[]>> ids = redis.zrevrangeWithScores(dead(), 0, limit - 1L);
    return ids.stream().map(v -> dead(Keys.text(v.getValue()), (long) v.getScore())).toList();
  }

  /** The dead letter of {@code decisionId}, if it is one. */
  public Optional<Dead> deadLetter(String decisionId) {
    Double score = redis.zscore(dead(), Keys.utf8(decisionId));
    return score == null ? Optional.empty() : Optional.of(dead(decisionId, score.longValue()));
  }

  /** Whether {@code decisionId} waits for delivery (due or leased). */
  public boolean pending(String decisionId) {
    return redis.zscore(due(), Keys.utf8(decisionId)) != null;
  }

  /** How many entries wait for delivery (due or leased). */
  public long size() {
    return redis.zcard(due());
  }

  private Dead dead(String id, long at) {
    byte[] attempts = redis.hget(attempts(), Keys.utf8(id));
    byte[] error = redis.hget(errors(), Keys.utf8(id));
    return new Dead(
        id,
        attempts == null ? 0 : Integer.parseInt(Keys.text(attempts)),
        error == null ? "" : Keys.text(error),
        at);
  }

  private boolean move(
      byte[] from, byte[] to, String id, long score, String error, boolean resetAttempts) {
    List<Object> reply =
        MOVE.run(
            redis,
            new byte[][] {from, to, errors(), attempts()},
            Keys.utf8(Ids.require("decisionId", id)),
            number(score),
            Keys.utf8(error),
            Keys.utf8(resetAttempts ? "reset" : "keep"));
    return Replies.longAt(reply, 0) == 1;
  }

  byte[] due() {
    return key.apply("{dispatch}:due");
  }

  byte[] attempts() {
    return key.apply("{dispatch}:attempts");
  }

  byte[] errors() {
    return key.apply("{dispatch}:errors");
  }

  byte[] dead() {
    return key.apply("{dispatch}:dead");
  }

  private static byte[] number(long value) {
    return Keys.utf8(Long.toString(value));
  }
}
