package io.rehearsal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored incidents: write-once bytes (the caller's canonical encoding) under the caller's id,
 * listed newest first by the timestamp the caller gives. Only the newest {@link
 * StoreConfig#recentLimit()} incidents are retained; older ones are deleted as new ones arrive.
 */
public final class Incidents {

  private final RecentRecords records;

  Incidents(RecentRecords records) {
    this.records = records;
  }

  /**
   * Stores the incident {@code id} with timestamp {@code at}. Idempotent: re-sending the same bytes
   * answers {@link PutResult#UNCHANGED}; other bytes under an existing id answer {@link
   * PutResult#CONFLICT} and leave the stored incident as it was.
   */
  public PutResult put(String id, byte[] bytes, Instant at) {
    return records.put(id, bytes, at);
  }

  /** The bytes of incident {@code id}, or empty if it was never stored or is no longer retained. */
  public Optional<byte[]> get(String id) {
    return records.get(id);
  }

  /** The ids of at most {@code count} retained incidents, newest timestamp first. */
  public List<String> recent(int count) {
    return records.recent(count);
  }

  /** How many incidents are retained. */
  public long size() {
    return records.size();
  }
}
