package io.rehearsal.gateway.security;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.TreeMap;

/**
 * Counts what Redis holds and how many writes it took: key count (plus the keys that expired
 * meanwhile, so a key whose ttl ran out between two snapshots is not taken for a write), the summed
 * length of every stream, and the server's own change counter ({@code
 * rdb_changes_since_last_save}), which every write command moves.
 */
final class RedisWrites implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  RedisWrites(String uri) {
    client = RedisClient.create(uri);
    connection = client.connect();
  }

  /** A snapshot of the counters; two equal snapshots mean no write in between. */
  record Snapshot(long keysAndExpired, long streamEntries, long changes, long lastSave) {}

  Snapshot snapshot() {
    RedisCommands<String, String> redis = connection.sync();
    long streamEntries = 0;
    for (String key : redis.keys("*")) {
      if ("stream".equals(redis.type(key))) {
        streamEntries += redis.xlen(key);
      }
    }
    TreeMap<String, String> info = new TreeMap<>();
    for (String line : (redis.info("persistence") + "\n" + redis.info("stats")).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        info.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return new Snapshot(
        redis.dbsize() + Long.parseLong(info.get("expired_keys")),
        streamEntries,
        Long.parseLong(info.get("rdb_changes_since_last_save")),
        Long.parseLong(info.get("rdb_last_save_time")));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
