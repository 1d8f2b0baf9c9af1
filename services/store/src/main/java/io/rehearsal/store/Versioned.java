package io.rehearsal.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A versioned record as stored: its revision (1 after create, +1 per compare-and-set) and bytes.
 *
 * @param revision at least 1
 * @param payload the caller's canonical encoding (a defensive copy)
 */
public record Versioned(long revision, byte[] payload) {

  /** Validates and copies. */
  public Versioned {
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, but was " + revision);
    }
    payload = Objects.requireNonNull(payload, "payload must not be null").clone();
  }

  /** A copy of the bytes. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Versioned v
        && v.revision == revision
        && Arrays.equals(v.payload, payload);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(revision) + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "Versioned[revision=" + revision + ", " + payload.length + " bytes]";
  }
}
