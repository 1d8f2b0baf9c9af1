package io.rehearsal.store;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Write-once records under caller-given ids, indexed by a caller-given timestamp, of which only the
 * newest {@code limit} are retained. The engine behind {@link Evaluations}.
 */
final class RecentRecords {

  private static final LuaScript PUT = LuaScript.load("recent_put.lua");

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;
  private final String family;
  private final int limit;

  RecentRecords(RedisCommands<byte[], byte[]> redis, Keys keys, String family, int limit) {
    this.redis = redis;
    this.keys = keys;
    this.family = family;
    this.limit = limit;
  }

  PutResult put(String id, byte[] bytes, Instant at) {
    Ids.require(family + " id", id);
    Objects.requireNonNull(bytes, "bytes must not be null");
    Objects.requireNonNull(at, "at must not be null");
    byte[][] keyArgs = {keys.item(family, id), keys.recent(family)};
    List<Object> reply =
        PUT.run(
            redis,
            keyArgs,
            bytes,
            Keys.utf8(Long.toString(at.toEpochMilli())),
            Keys.utf8(id),
            Keys.utf8(Integer.toString(limit)),
            Keys.utf8(keys.itemPrefix(family)));
    return switch ((int) Replies.longAt(reply, 0)) {
      case 1 -> PutResult.CREATED;
      case 0 -> PutResult.UNCHANGED;
      default -> PutResult.CONFLICT;
    };
  }

  Optional<byte[]> get(String id) {
    return Reads.await(getAsync(id));
  }

  CompletableFuture<Optional<byte[]>> getAsync(String id) {
    byte[] key = keys.item(family, Ids.require(family + " id", id));
    return redis
        .getStatefulConnection()
        .async()
        .get(key)
        .toCompletableFuture()
        .thenApply(Optional::ofNullable);
  }

  List<String> recent(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count);
    }
    return redis.zrevrange(keys.recent(family), 0, count - 1L).stream().map(Keys::text).toList();
  }

  long size() {
    return redis.zcard(keys.recent(family));
  }
}
