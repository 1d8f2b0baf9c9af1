package io.rehearsal.store;

/**
 * What {@link AuditLog#verifyChain()} found: an intact chain, the first broken link, or a key that
 * is not the log's.
 */
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

  /**
   * The log says it was chained with another key than the one given: nothing can be verified with
   * this key (every entry would look forged). Configure the key the writers use.
   *
   * @param logKey the fingerprint of the key the log was chained with, as its head records it
   * @param givenKey the fingerprint of the key given to verify with
   */
  record WrongKey(String logKey, String givenKey) implements ChainVerification {}
}
