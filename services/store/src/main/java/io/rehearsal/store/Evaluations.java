package io.rehearsal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stored evaluations: write-once bytes (the caller's canonical encoding) under the caller's id,
 * listed newest first by the timestamp the caller gives. Only the newest {@link
 * StoreConfig#recentLimit()} evaluations are retained; older ones are deleted as new ones arrive.
 */
public final class Evaluations {

  private final RecentRecords records;

  Evaluations(RecentRecords records) {
    this.records = records;
  }

  /**
   * Stores the evaluation {@code id} with timestamp {@code at}. Idempotent: re-sending the same
   * bytes answers {@link PutResult#UNCHANGED}; other bytes under an existing id answer {@link
   * PutResult#CONFLICT} and leave the stored evaluation as it was.
   */
  public PutResult put(String id, byte[] bytes, Instant at) {
    return records.put(id, bytes, at);
  }

  /**
   * The bytes of evaluation {@code id}, or empty if it was never stored or is no longer retained.
   */
  public Optional<byte[]> get(String id) {
    return records.get(id);
  }

  /** {@link #get} without waiting, to read it together with other records ({@link Reads}). */
  public CompletableFuture<Optional<byte[]>> getAsync(String id) {
    return records.getAsync(id);
  }

  /** The ids of at most {@code count} retained evaluations, newest timestamp first. */
  public List<String> recent(int count) {
    return records.recent(count);
  }

  /** How many evaluations are retained. */
  public long size() {
    return records.size();
  }
}
