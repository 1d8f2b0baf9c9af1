package io.rehearsal.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Records by id that may be replaced, listed newest first by the time of their first write: the
 * shadow ledger (what would have run), the outcome reports kept for twin fidelity and ranker
 * training. A write replaces the bytes and keeps the first time; writing the same bytes again
 * changes nothing, so writes are idempotent.
 */
public final class Ledger {

  private final RedisCommands<byte[], byte[]> redis;
  private final byte[] entries;
  private final byte[] index;

  Ledger(RedisCommands<byte[], byte[]> redis, byte[] entries, byte[] index) {
    this.redis = redis;
    this.entries = entries;
    this.index = index;
  }

  /** Stores {@code payload} under {@code id}, first written at {@code atMillis}. */
  public void put(String id, byte[] payload, long atMillis) {
    Objects.requireNonNull(payload, "payload must not be null");
    byte[] key = Keys.utf8(Ids.require("id", id));
    redis.hset(entries, key, payload);
    redis.zadd(index, io.lettuce.core.ZAddArgs.Builder.nx(), (double) atMillis, key);
  }

  /** The bytes under {@code id}, if any. */
  public Optional<byte[]> get(String id) {
    return Optional.ofNullable(redis.hget(entries, Keys.utf8(Ids.require("id", id))));
  }

  /** Up to {@code limit} entries' bytes, newest first. */
  public List<byte[]> newest(int limit) {
    return Reads.await(newestAsync(limit));
  }

  /**
   * {@link #newest} without waiting, to read it together with other records ({@link Reads}): one
   * round trip for the index, and one more for the entries when there are any.
   */
  public CompletableFuture<List<byte[]>> newestAsync(int limit) {
    RedisAsyncCommands<byte[], byte[]> async = redis.getStatefulConnection().async();
    return async
        .zrevrange(index, 0, limit - 1L)
        .toCompletableFuture()
        .thenCompose(
            ids ->
                ids.isEmpty()
                    ? Reads.done(List.<byte[]>of())
                    : async
                        .hmget(entries, ids.toArray(new byte[0][]))
                        .toCompletableFuture()
                        .thenApply(
                            found ->
                                found.stream()
                                    .filter(KeyValue::hasValue)
                                    .map(KeyValue::getValue)
                                    .toList()));
  }

  /** How many entries there are. */
  public long size() {
    return redis.hlen(entries);
  }
}
