package io.rehearsal.gateway.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes of the review page's local users: PBKDF2-HMAC-SHA256 (the JDK's, no extra
 * library) with a 16-byte random salt, written {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (base64). The iteration count travels with the hash, so raising the default later keeps old
 * hashes verifiable.
 */
final class PasswordHash {

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  static final int DEFAULT_ITERATIONS = 600_000;

  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private PasswordHash() {}

  /** The encoded hash of {@code password} with a fresh salt. */
  static String hash(char[] password, int iterations, SecureRandom random) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, but was " + iterations);
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return String.join(
        "$",
        SCHEME,
        Integer.toString(iterations),
        b64.encodeToString(salt),
        b64.encodeToString(derive(password, salt, iterations)));
  }

  /**
   * Whether {@code password} matches {@code encoded}, compared in constant time.
   *
   * @throws IllegalArgumentException when {@code encoded} is not a hash of this scheme
   */
  static boolean matches(char[] password, String encoded) {
    Parsed p = parse(encoded);
    return MessageDigest.isEqual(p.hash(), derive(password, p.salt(), p.iterations()));
  }

  /** The parts of an encoded hash. */
  record Parsed(int iterations, byte[] salt, byte[] hash) {}

  /**
   * Splits {@code encoded} into its parts.
   *
   * @throws IllegalArgumentException when it is not {@code pbkdf2-sha256$<n>$<salt>$<hash>}
   */
  static Parsed parse(String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "password hash must be "
              + SCHEME
              + "$<iterations>$<salt>$<hash>, but was '"
              + encoded
              + "'");
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be >= 1, but was " + iterations);
      }
      return new Parsed(
          iterations, Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("password hash is malformed: " + e.getMessage(), e);
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
