package io.rehearsal.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and hex helpers. */
final class Digests {

  private static final HexFormat HEX = HexFormat.of();

  private Digests() {}

  /** SHA-256 over the concatenation of {@code parts}. */
  static byte[] sha256(byte[]... parts) {
    MessageDigest digest = newDigest("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  static String sha256Hex(byte[]... parts) {
    return hex(sha256(parts));
  }

  static String sha1Hex(byte[] bytes) {
    return hex(newDigest("SHA-1").digest(bytes));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] unhex(String hex) {
    return HEX.parseHex(hex);
  }

  static boolean isSha256Hex(String value) {
    return value != null && value.length() == 64 && value.chars().allMatch(Digests::isLowerHex);
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java platform", e);
    }
  }
}
