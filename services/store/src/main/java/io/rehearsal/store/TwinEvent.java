package io.rehearsal.store;

import java.util.Optional;

/**
 * One entry of the twin event stream, newest first when read.
 *
 * @param id the stream entry id (server time {@code ms-seq})
 * @param kind what happened
 * @param snapshot the snapshot it happened to
 * @param staleness why, for {@link Kind#STALE}; empty otherwise
 */
public record TwinEvent(
    String id, Kind kind, SnapshotId snapshot, Optional<TwinStaleness> staleness) {

  /** What happened to a snapshot. */
  public enum Kind {
    /** It became the environment's current twin. */
    CURRENT,
    /** It was marked stale. */
    STALE
  }

  /** Validates the fields. */
  public TwinEvent {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank, but was '" + id + "'");
    }
    if (kind == null || snapshot == null || staleness == null) {
      throw new IllegalArgumentException("kind, snapshot and staleness must not be null");
    }
    if ((kind == Kind.STALE) != staleness.isPresent()) {
      throw new IllegalArgumentException(
          "staleness must be present exactly for STALE events, but was "
              + staleness
              + " for "
              + kind);
    }
  }
}
