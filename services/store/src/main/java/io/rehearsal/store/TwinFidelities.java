package io.rehearsal.store;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is known about a twin snapshot's fidelity, beside its bytes: the latest drift measurement
 * (one hash per snapshot, replaced by each measurement in one {@code HSET}) and when the snapshot
 * was first stored (by the server's clock, set once).
 */
final class TwinFidelities {

  private static final LuaScript STORED_AT = LuaScript.load("twin_stored_at.lua");

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;

  TwinFidelities(RedisCommands<byte[], byte[]> redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  void record(SnapshotId id, TwinFidelityRecord r) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(Keys.utf8("p50_mape"), number(r.p50Mape()));
    fields.put(Keys.utf8("p99_mape"), number(r.p99Mape()));
    fields.put(Keys.utf8("throughput_mape"), number(r.throughputMape()));
    fields.put(Keys.utf8("error_rate_abs_diff"), number(r.errorRateAbsDiff()));
    fields.put(Keys.utf8("at"), Keys.utf8(Long.toString(r.measuredAtMillis())));
    redis.hset(keys.twinFidelity(id), fields);
  }

  Optional<TwinFidelityRecord> latest(SnapshotId id) {
    Map<String, String> f = new HashMap<>();
    redis.hgetall(keys.twinFidelity(id)).forEach((k, v) -> f.put(Keys.text(k), Keys.text(v)));
    return f.isEmpty() ? Optional.empty() : Optional.of(parse(id, f));
  }

  void stampStored(SnapshotId id) {
    STORED_AT.run(redis, new byte[][] {keys.twinStoredAt(id)});
  }

  OptionalLong storedAt(SnapshotId id) {
    byte[] value = redis.get(keys.twinStoredAt(id));
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(Keys.text(value)));
    } catch (NumberFormatException e) {
      throw new StoreIntegrityException(
          "stored-at of twin snapshot " + id + " is not epoch milliseconds: " + Keys.text(value));
    }
  }

  private static TwinFidelityRecord parse(SnapshotId id, Map<String, String> f) {
    try {
      return new TwinFidelityRecord(
          Double.parseDouble(f.get("p50_mape")),
          Double.parseDouble(f.get("p99_mape")),
          Double.parseDouble(f.get("throughput_mape")),
          Double.parseDouble(f.get("error_rate_abs_diff")),
          Long.parseLong(f.get("at")));
    } catch (RuntimeException e) {
      throw new StoreIntegrityException(
          "fidelity of twin snapshot " + id + " is malformed (" + e.getMessage() + "): " + f);
    }
  }

  private static byte[] number(double value) {
    return Keys.utf8(Double.toString(value));
  }
}
