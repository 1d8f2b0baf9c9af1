package io.rehearsal.store;

/**
 * The identity of a twin snapshot: the lowercase hex SHA-256 of its canonical bytes, so equal
 * content always has the same id and an id names exactly one content.
 *
 * @param hex 64 lowercase hex characters
 */
public record SnapshotId(String hex) {

  /** Validates the format. */
  public SnapshotId {
    if (!Digests.isSha256Hex(hex)) {
      throw new IllegalArgumentException(
          "hex must be 64 lowercase hex characters (a SHA-256), but was '" + hex + "'");
    }
  }

  /** The id of {@code canonical}: its SHA-256. */
  public static SnapshotId of(byte[] canonical) {
    return new SnapshotId(Digests.sha256Hex(canonical));
  }

  @Override
  public String toString() {
    return hex;
  }
}
