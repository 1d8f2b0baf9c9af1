package io.rehearsal.store;

/** What {@link AuditLog#verifyChain()} found: an intact chain, or the first broken link. */
public sealed interface ChainVerification {

  /** Whether every link checked out. */
  default boolean intact() {
    return this instanceof Intact;
  }

  /**
   * Every entry chains onto the previous one, every hash matches its content, and the stored head
   * is the last entry.
   *
   * @param entries how many entries were checked
   * @param headHash the hash of the last entry (the genesis hash if there are none)
   */
  record Intact(long entries, String headHash) implements ChainVerification {}

  /**
   * The first entry, in stream order, where the chain does not hold.
   *
   * @param entryId the stream id of that entry
   * @param reason what does not match, with the expected and actual values
   */
  record Broken(String entryId, String reason) implements ChainVerification {}
}
