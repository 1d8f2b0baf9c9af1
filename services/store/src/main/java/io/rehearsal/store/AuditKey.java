package io.rehearsal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain: each entry's hash is {@code HMAC-SHA256(key, prev hash ||
 * payload)}, so whoever can write to Redis but does not hold the key cannot forge a chain that
 * verifies (with a plain hash they could rewrite an entry and recompute every hash after it).
 *
 * <p>Every process that appends to or verifies one audit log must use the same key: in a deployment
 * it comes from a secret ({@code REHEARSAL_REDIS_AUDIT_KEY}, base64); on one machine it is a file
 * next to the embedded Redis's data, created on first use with owner-only access. {@link
 * #toString()} never shows the key, only its {@link #fingerprint()}.
 */
public final class AuditKey {

  /** The shortest key accepted: 32 bytes, the HMAC-SHA256 block output size. */
  public static final int MIN_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final SecretKeySpec key;
  private final String fingerprint;

  private AuditKey(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "audit key must be at least " + MIN_BYTES + " bytes, but was " + bytes.length);
    }
    this.key = new SecretKeySpec(bytes.clone(), ALGORITHM);
    this.fingerprint = Digests.sha256Hex(bytes).substring(0, 16);
  }

  /** A key from its raw bytes (copied). */
  public static AuditKey of(byte[] bytes) {
    return new AuditKey(Objects.requireNonNull(bytes, "bytes must not be null"));
  }

  /**
   * A key from base64 text, as a secret holds it.
   *
   * @throws IllegalArgumentException if the text is not base64 or decodes to fewer than {@value
   *     #MIN_BYTES} bytes
   */
  public static AuditKey fromBase64(String text) {
    Objects.requireNonNull(text, "text must not be null");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("audit key is not valid base64: " + e.getMessage(), e);
    }
    return new AuditKey(bytes);
  }

  /** A fresh random key of {@value #MIN_BYTES} bytes. */
  public static AuditKey generate(SecureRandom random) {
    byte[] bytes = new byte[MIN_BYTES];
    random.nextBytes(bytes);
    return new AuditKey(bytes);
  }

  /**
   * The key in {@code file} (base64), creating the file with a fresh key, readable by its owner
   * only, when it does not exist. Several processes starting at once agree on one key: the file
   * appears atomically, and the losers of the race read the winner's.
   *
   * @throws UncheckedIOException if the file cannot be read or created
   * @throws IllegalArgumentException naming the file if it holds no valid key
   */
  public static AuditKey loadOrCreate(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    try {
      if (Files.notExists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the audit key " + file, e);
    }
  }

  /**
   * The key in {@code file} (base64).
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the file if it holds no valid key
   */
  public static AuditKey load(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit key " + file, e);
    }
  }

  /** The first 16 hex digits of the key's SHA-256: says which key, without revealing it. */
  public String fingerprint() {
    return fingerprint;
  }

  /** This key as base64, to store in a secret. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** {@code HMAC-SHA256(key, unhex(prevHash) || payload)} as lowercase hex. */
  String chainHash(String prevHash, byte[] payload) {
    Mac mac = newMac();
    mac.update(Digests.unhex(prevHash));
    mac.update(payload);
    return Digests.hex(mac.doFinal());
  }

  @Override
  public String toString() {
    return "AuditKey[fingerprint=" + fingerprint + "]";
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(ALGORITHM + " is required of every Java platform", e);
    }
  }

  private static AuditKey read(Path file) throws IOException {
    try {
      return fromBase64(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        Files.createTempFile(
            dir, ".audit-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temp, generate(new SecureRandom()).toBase64() + "\n");
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException lostTheRace) {
      // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
