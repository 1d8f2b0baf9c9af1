package io.rehearsal.store;

/**
 * The outcome of a versioned write ({@link Decisions#create} or {@link Decisions#compareAndSet}). A
 * "no" is a value, not an exception.
 */
public sealed interface WriteResult {

  /** Whether the caller's write is in the store (now or from an earlier send of it). */
  default boolean applied() {
    return this instanceof Ok || this instanceof AlreadyApplied;
  }

  /**
   * The write was applied.
   *
   * @param revision the record's new revision (1 after a create)
   */
  record Ok(long revision) implements WriteResult {}

  /**
   * A write with the same token was applied before, e.g. the command was re-sent after a reconnect
   * or the caller retried after a timeout; nothing was written this time.
   *
   * @param revision the revision that earlier write produced
   */
  record AlreadyApplied(long revision) implements WriteResult {}

  /**
   * Not applied: the record exists (create) or is at another revision (compare-and-set).
   *
   * @param currentRevision the record's revision now
   */
  record Conflict(long currentRevision) implements WriteResult {}

  /** Not applied: there is no record with this id to compare-and-set. */
  record NotFound() implements WriteResult {}

  /**
   * Not applied: the write was to take a token ({@link RateLimits.Take}, a journaled write only)
   * and a bucket had none; nothing was written, no token taken.
   *
   * @param budget the bucket that is used up and when it has a token again
   */
  record OverBudget(RateLimits.Budget budget) implements WriteResult {}
}
