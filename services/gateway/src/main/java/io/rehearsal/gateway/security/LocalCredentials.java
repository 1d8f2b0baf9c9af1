package io.rehearsal.gateway.security;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credentials for a local stack: an RSA signing key pair and one signed token per role, written
 * owner-only (directory 0700, files 0600) on first start and reused after. The gateway verifies
 * tokens with {@value #PUBLIC_KEY} like any configured key set; nothing here bypasses checks.
 */
public final class LocalCredentials {

  /** The verification key (PEM); point {@code mp.jwt.verify.publickey.location} at it. */
  public static final String PUBLIC_KEY = "jwt-public.pem";

  /** The signing key (PKCS#8 PEM); keep it to mint more tokens. */
  public static final String PRIVATE_KEY = "jwt-private.pem";

  /** The issuer written into local tokens. */
  public static final String ISSUER = "rehearsal-local";

  /** The roles that get a token, each in {@code <role>.jwt}, named {@code local-<role>}. */
  public static final List<String> ROLES =
      List.of(RpcRoles.AUTOMATION, RpcRoles.ONCALL, RpcRoles.ADMIN);

  private static final int KEY_BITS = 2048;
  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");

  private LocalCredentials() {}

  /**
   * What {@link #ensure} found or made.
   *
   * @param generated true when this call created the key pair and tokens
   * @param tokens token file by role
   */
  public record Result(boolean generated, Map<String, Path> tokens) {}

  /** The token file of {@code role} in {@code dir}. */
  public static Path tokenFile(Path dir, String role) {
    return dir.resolve(role + ".jwt");
  }

  /**
   * Makes sure {@code dir} holds a key pair and a token per role: keeps a complete set, otherwise
   * (first start, or a set left half-written) generates a new one.
   */
  public static Result ensure(Path dir, Duration ttl, Instant now) {
    Map<String, Path> tokens = new LinkedHashMap<>();
    ROLES.forEach(role -> tokens.put(role, tokenFile(dir, role)));
    boolean complete =
        Files.isRegularFile(dir.resolve(PUBLIC_KEY))
            && Files.isRegularFile(dir.resolve(PRIVATE_KEY))
            && tokens.values().stream().allMatch(Files::isRegularFile);
    if (complete) {
      return new Result(false, tokens);
    }
    try {
      generate(dir, ttl, now);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write local credentials to " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate local credentials", e);
    }
    return new Result(true, tokens);
  }

  /** A token for {@code name} with {@code roles}, signed by the key in {@code dir}. */
  public static String mint(
      Path dir, String name, Set<String> roles, Instant issuedAt, Instant expiresAt) {
    try {
      return sign(readPrivateKey(dir.resolve(PRIVATE_KEY)), name, roles, issuedAt, expiresAt);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bad signing key in " + dir, e);
    }
  }

  /** A token signed by {@code key}. */
  public static String sign(
      PrivateKey key, String name, Set<String> roles, Instant issuedAt, Instant expiresAt) {
    return Jwt.issuer(ISSUER)
        .upn(name)
        .subject(name)
        .groups(roles)
        .issuedAt(issuedAt)
        .expiresAt(expiresAt)
        .sign(key);
  }

  private static void generate(Path dir, Duration ttl, Instant now)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    setOwnerOnly(dir, "rwx------");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(KEY_BITS);
    KeyPair pair = generator.generateKeyPair();
    write(dir.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    for (String role : ROLES) {
      String token = sign(pair.getPrivate(), "local-" + role, Set.of(role), now, now.plus(ttl));
      write(tokenFile(dir, role), token + "\n");
    }
    // Written last: its presence with the others marks a complete set.
    write(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
    String body =
        Files.readString(file)
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** Writes owner-only through a temporary file, so a crash never leaves a half-written key. */
  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // not a POSIX file system: the directory's permissions must do
    }
    Files.writeString(
        tmp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void setOwnerOnly(Path dir, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
