package io.rehearsal.store;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Content-addressed storage of twin snapshots: the id is the SHA-256 of the canonical bytes the
 * caller produced (e.g. a serialized TwinSpec), so a snapshot is immutable, a put is idempotent,
 * and a reader can check it got exactly what was written.
 *
 * <p>Beside the immutable bytes: the environment's {@link #current()} snapshot, and per snapshot a
 * {@link #staleness} (set once by the detector's drift check, never cleared: a recalibrated twin is
 * a new snapshot), with each change appended to a bounded event stream ({@link #events}); the
 * latest drift measurement ({@link #fidelity}, replaced by each); and when it was first stored
 * ({@link #storedAt}).
 */
public final class TwinSnapshots {

  private static final LuaScript PUT = LuaScript.load("immutable_put.lua");

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;
  private final TwinStatus status;
  private final TwinFidelities fidelities;

  TwinSnapshots(RedisCommands<byte[], byte[]> redis, Keys keys) {
    this.redis = redis;
    this.keys = keys;
    this.status = new TwinStatus(redis, keys);
    this.fidelities = new TwinFidelities(redis, keys);
  }

  /**
   * Stores {@code canonical} under its SHA-256 and returns that id. Storing the same bytes again
   * returns the same id and changes nothing. A put that stores the bytes also records when, by the
   * Redis server's clock ({@link #storedAt}), in a second command (a crash between the two leaves
   * the time unrecorded; the content and its id never depend on it).
   *
   * @throws StoreIntegrityException if other bytes are stored under the same id (a SHA-256
   *     collision or a corrupted value); the stored value is never replaced
   */
  public SnapshotId put(byte[] canonical) {
    Objects.requireNonNull(canonical, "canonical must not be null");
    SnapshotId id = SnapshotId.of(canonical);
    List<Object> reply = PUT.run(redis, new byte[][] {keys.snapshot(id)}, canonical);
    long created = Replies.longAt(reply, 0);
    if (created < 0) {
      throw new StoreIntegrityException(
          "snapshot " + id + " is already stored with different bytes; refusing to replace it");
    }
    if (created == 1) {
      fidelities.stampStored(id);
    }
    return id;
  }

  /**
   * The bytes stored under {@code id}, or empty if there are none.
   *
   * @throws StoreIntegrityException if the stored bytes do not hash to {@code id}
   */
  public Optional<byte[]> get(SnapshotId id) {
    Objects.requireNonNull(id, "id must not be null");
    byte[] value = redis.get(keys.snapshot(id));
    if (value != null && !SnapshotId.of(value).equals(id)) {
      throw new StoreIntegrityException(
          "snapshot " + id + " is corrupted: its bytes hash to " + SnapshotId.of(value));
    }
    return Optional.ofNullable(value);
  }

  /** Whether a snapshot with {@code id} is stored. */
  public boolean contains(SnapshotId id) {
    return redis.exists(keys.snapshot(Objects.requireNonNull(id, "id must not be null"))) > 0;
  }

  /** The environment's current twin snapshot, if one was set. */
  public Optional<SnapshotId> current() {
    return status.current();
  }

  /**
   * Makes {@code id} the environment's current twin and appends a {@link TwinEvent.Kind#CURRENT}
   * event.
   *
   * @throws IllegalArgumentException if no snapshot is stored under {@code id}
   */
  public void setCurrent(SnapshotId id) {
    if (!contains(id)) {
      throw new IllegalArgumentException("no twin snapshot " + id + " is stored; put it first");
    }
    status.setCurrent(id);
  }

  /** Why snapshot {@code id} is stale, or empty while it is not. */
  public Optional<TwinStaleness> staleness(SnapshotId id) {
    return status.staleness(Objects.requireNonNull(id, "id must not be null"));
  }

  /**
   * Marks snapshot {@code id} stale and appends a {@link TwinEvent.Kind#STALE} event, atomically. A
   * snapshot stays stale: marking it again keeps the first reason and appends nothing.
   *
   * @return true if marked now, false if it already was stale
   */
  public boolean markStale(SnapshotId id, TwinStaleness staleness) {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(staleness, "staleness must not be null");
    return status.markStale(id, staleness);
  }

  /** The newest {@code count} twin events (current changes, stale markings), newest first. */
  public List<TwinEvent> events(int count) {
    return status.events(count);
  }

  /**
   * Keeps {@code fidelity} as the latest drift measurement of snapshot {@code id}, replacing the
   * previous one, in one command. Staleness is separate ({@link #markStale}): a measurement neither
   * sets nor clears it.
   */
  public void recordFidelity(SnapshotId id, TwinFidelityRecord fidelity) {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(fidelity, "fidelity must not be null");
    fidelities.record(id, fidelity);
  }

  /** The latest drift measurement of snapshot {@code id}, or empty if none was recorded. */
  public Optional<TwinFidelityRecord> fidelity(SnapshotId id) {
    return fidelities.latest(Objects.requireNonNull(id, "id must not be null"));
  }

  /**
   * When snapshot {@code id} was first stored, epoch milliseconds by the Redis server's clock;
   * empty if it is not stored, or was stored before this was recorded. For a snapshot calibrated
   * from telemetry and then published, this is at (or just after) its calibration.
   */
  public OptionalLong storedAt(SnapshotId id) {
    return fidelities.storedAt(Objects.requireNonNull(id, "id must not be null"));
  }
}
