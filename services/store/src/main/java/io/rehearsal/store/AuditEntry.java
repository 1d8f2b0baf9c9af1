package io.rehearsal.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the audit stream.
 *
 * @param id the Redis stream entry id ({@code millis-sequence}), which orders entries
 * @param key the idempotency key it was appended with
 * @param payload the caller's bytes (a defensive copy)
 * @param prevHash the hash of the previous entry ({@link AuditLog#GENESIS_HASH}, 64 zeros, for the
 *     first)
 * @param hash hex {@code HMAC-SHA256(audit key, prevHash bytes || payload)} (see {@link AuditKey})
 */
public record AuditEntry(String id, String key, byte[] payload, String prevHash, String hash) {

  /** Validates and copies. */
  public AuditEntry {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(key, "key must not be null");
    payload = Objects.requireNonNull(payload, "payload must not be null").clone();
    Objects.requireNonNull(prevHash, "prevHash must not be null");
    Objects.requireNonNull(hash, "hash must not be null");
  }

  /** A copy of the bytes. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** Whether {@link #hash} is {@code HMAC-SHA256(key, prevHash || payload)}. */
  public boolean hashMatches(AuditKey key) {
    return Digests.isSha256Hex(prevHash) && hash.equals(key.chainHash(prevHash, payload));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditEntry e
        && e.id.equals(id)
        && e.key.equals(key)
        && Arrays.equals(e.payload, payload)
        && e.prevHash.equals(prevHash)
        && e.hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, key, Arrays.hashCode(payload), prevHash, hash);
  }

  @Override
  public String toString() {
    return "AuditEntry["
        + id
        + ", key="
        + key
        + ", "
        + payload.length
        + " bytes, hash="
        + hash
        + "]";
  }
}
