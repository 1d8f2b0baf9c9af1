package io.rehearsal.store;

/**
 * The outcome of storing an immutable record under a caller-given id. Records are write-once: a put
 * never replaces what is stored, so re-sending a put is always safe.
 */
public enum PutResult {
  /** The record was stored. */
  CREATED,
  /** The same bytes were already stored under this id (e.g. a retried put); nothing changed. */
  UNCHANGED,
  /** Different bytes are stored under this id; they were kept and the new bytes discarded. */
  CONFLICT
}
