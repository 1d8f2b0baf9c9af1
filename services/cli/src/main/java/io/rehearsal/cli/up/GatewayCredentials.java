package io.rehearsal.cli.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's gateway credentials as {@code rehearsal up} reports them: where the tokens are,
 * and — only on the run that generated them — the tokens themselves, printed once.
 */
final class GatewayCredentials {

  /** The roles the gateway writes a token for, each in {@code <role>.jwt}. */
  static final List<String> ROLES = List.of("automation", "oncall", "admin");

  private final Path dir;
  private final boolean existedBefore;

  private GatewayCredentials(Path dir, boolean existedBefore) {
    this.dir = dir;
    this.existedBefore = existedBefore;
  }

  /** Notes, before the gateway starts, whether the credentials already exist. */
  static GatewayCredentials before(Path home) {
    Path dir = ServiceLaunch.credentialsDir(home);
    return new GatewayCredentials(dir, Files.isRegularFile(publicKey(dir)));
  }

  /** What to print once the stack is ready; nothing when the gateway wrote no credentials. */
  List<String> lines() {
    if (!Files.isRegularFile(publicKey(dir))) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "gateway credentials (owner-only files): "
            + dir
            + "/{"
            + String.join(",", ROLES)
            + "}.jwt; send one as gRPC metadata 'authorization: Bearer <token>'");
    if (!existedBefore) {
      lines.add("generated on this first start; the tokens, printed this once:");
      for (String role : ROLES) {
        lines.add("  " + role + ": " + read(dir.resolve(role + ".jwt")));
      }
    }
    return lines;
  }

  private static Path publicKey(Path dir) {
    return dir.resolve(ServiceLaunch.GATEWAY_PUBLIC_KEY);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
