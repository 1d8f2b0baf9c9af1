package io.rehearsal.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable side of twin snapshots, kept beside the immutable bytes: which snapshot is the
 * environment's current twin, which snapshots are stale and why, and a bounded stream of those
 * events for whoever must react (the gateway refuses evidence from a stale twin).
 */
final class TwinStatus {

  /** Events kept in the stream (approximately; Redis trims whole nodes). */
  static final int EVENTS_KEPT = 10_000;

  private static final LuaScript MARK_STALE = LuaScript.load("twin_mark_stale.lua");

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;

  TwinStatus(RedisCommands<byte[], byte[]> redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  Optional<SnapshotId> current() {
    byte[] value = redis.get(keys.twinCurrent());
    return value == null ? Optional.empty() : Optional.of(new SnapshotId(Keys.text(value)));
  }

  void setCurrent(SnapshotId id) {
    redis.set(keys.twinCurrent(), Keys.utf8(id.hex()));
    redis.xadd(
        keys.twinEvents(),
        new XAddArgs().maxlen(EVENTS_KEPT).approximateTrimming(),
        Map.of(
            Keys.utf8("event"), Keys.utf8("current"), Keys.utf8("snapshot"), Keys.utf8(id.hex())));
  }

  Optional<TwinStaleness> staleness(SnapshotId id) {
    Map<String, String> fields = text(redis.hgetall(keys.twinStatus(id)));
    return fields.containsKey("stale")
        ? Optional.of(staleness(id.hex(), fields))
        : Optional.empty();
  }

  boolean markStale(SnapshotId id, TwinStaleness s) {
    List<Object> reply =
        MARK_STALE.run(
            redis,
            new byte[][] {keys.twinStatus(id), keys.twinEvents()},
            Keys.utf8(id.hex()),
            Keys.utf8(s.reason()),
            Keys.utf8(s.metric()),
            Keys.utf8(Double.toString(s.measured())),
            Keys.utf8(Double.toString(s.bound())),
            Keys.utf8(Long.toString(s.atMillis())),
            Keys.utf8(Integer.toString(EVENTS_KEPT)));
    return Replies.longAt(reply, 0) == 1;
  }

  List<TwinEvent> events(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count);
    }
    return redis.xrevrange(keys.twinEvents(), Range.unbounded(), Limit.from(count)).stream()
        .map(TwinStatus::event)
        .toList();
  }

  private static TwinEvent event(StreamMessage<byte[], byte[]> entry) {
    Map<String, String> fields = text(entry.getBody());
    String snapshot = fields.get("snapshot");
    String kind = fields.get("event");
    if (snapshot == null || !("stale".equals(kind) || "current".equals(kind))) {
      throw new StoreIntegrityException("twin event " + entry.getId() + " is malformed: " + fields);
    }
    SnapshotId id = new SnapshotId(snapshot);
    return "stale".equals(kind)
        ? new TwinEvent(
            entry.getId(), TwinEvent.Kind.STALE, id, Optional.of(staleness(snapshot, fields)))
        : new TwinEvent(entry.getId(), TwinEvent.Kind.CURRENT, id, Optional.empty());
  }

  private static TwinStaleness staleness(String snapshot, Map<String, String> f) {
    try {
      return new TwinStaleness(
          f.get("reason"),
          f.get("metric"),
          Double.parseDouble(f.get("measured")),
          Double.parseDouble(f.get("bound")),
          Long.parseLong(f.get("at")));
    } catch (RuntimeException e) {
      throw new StoreIntegrityException(
          "staleness of twin snapshot "
              + snapshot
              + " is malformed ("
              + e.getMessage()
              + "): "
              + f);
    }
  }

  private static Map<String, String> text(Map<byte[], byte[]> raw) {
    Map<String, String> out = new HashMap<>();
    raw.forEach((k, v) -> out.put(Keys.text(k), Keys.text(v)));
    return out;
  }
}
