package io.rehearsal.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the audit stream.
 *
 * @param id the Redis stream entry id ({@code millis-sequence}), which orders entries
 * @param key the idempotency key it was appended with
 * @param payload the caller's bytes (a defensive copy)
 * @param prevHash hex SHA-256 of the previous entry ({@link AuditLog#GENESIS_HASH}, 64 zeros, for
 *     the first)
 * @param hash hex {@code sha256(prevHash bytes || payload)}
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

  /** Whether {@link #hash} is {@code sha256(prevHash || payload)}. */
  public boolean hashMatches() {
    return Digests.isSha256Hex(prevHash) && hash.equals(AuditLog.chainHash(prevHash, payload));
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
