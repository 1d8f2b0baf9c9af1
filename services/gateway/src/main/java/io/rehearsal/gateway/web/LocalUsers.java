package io.rehearsal.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The review page's embedded sign-in: a users file, one user a line, {@code <name> <groups> <hash>}
 * ({@code groups} comma-separated, e.g. {@code oncall,admin}; {@code hash} a {@link PasswordHash});
 * {@code #} starts a comment. Created on first start with one user, {@value #FIRST_USER}, whose
 * generated password the caller prints once; owner-only (directory 0700, file 0600). Production
 * deployments sign in with OIDC instead (docs/review-page.md).
 */
final class LocalUsers {

  /** The user created on first start. */
  static final String FIRST_USER = "admin";

  /** Groups of the first user: reviewer ({@code oncall}) and operator ({@code admin}). */
  static final Set<String> FIRST_GROUPS = Set.of("oncall", "admin");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");
  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int PASSWORD_BYTES = 18;

  /** One user: name, groups (the roles of the signed-in identity) and password hash. */
  record User(String name, Set<String> groups, String hash) {
    User {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "user name must match " + NAME + ", but was '" + name + "'");
      }
      groups = Set.copyOf(groups);
      for (String g : groups) {
        if (!GROUP.matcher(g).matches()) {
          throw new IllegalArgumentException("group must match " + GROUP + ", but was '" + g + "'");
        }
      }
    }

    String line() {
      return name + " " + String.join(",", groups.stream().sorted().toList()) + " " + hash;
    }
  }

  /**
   * What {@link #ensure} found or made.
   *
   * @param users by name
   * @param firstPassword the generated password when this call created the file
   */
  record Loaded(Map<String, User> users, Optional<String> firstPassword) {}

  private LocalUsers() {}

  /** Reads {@code file}, or creates it with {@link #FIRST_USER} and a generated password. */
  static Loaded ensure(Path file, int iterations, SecureRandom random) {
    if (Files.isRegularFile(file)) {
      return new Loaded(read(file), Optional.empty());
    }
    byte[] secret = new byte[PASSWORD_BYTES];
    random.nextBytes(secret);
    String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    User first =
        new User(
            FIRST_USER,
            FIRST_GROUPS,
            PasswordHash.hash(password.toCharArray(), iterations, random));
    write(file, List.of(first));
    return new Loaded(Map.of(first.name(), first), Optional.of(password));
  }

  /**
   * The users in {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed or repeated user
   */
  static Map<String, User> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the review page users file " + file, e);
    }
    Map<String, User> users = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      User user = parse(file, i + 1, line);
      if (users.putIfAbsent(user.name(), user) != null) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": user '" + user.name() + "' appears twice");
      }
    }
    return users;
  }

  /** Writes {@code users} owner-only, through a temporary file. */
  static void write(Path file, List<User> users) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Rehearsal review page users: <name> <groups> <pbkdf2-sha256 hash>; see docs/review-page.md");
    users.forEach(u -> lines.add(u.line()));
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the review page users file " + file, e);
    }
  }

  private static User parse(Path file, int number, String line) {
    String[] fields = line.split("\\s+");
    if (fields.length != 3) {
      throw new IllegalArgumentException(
          file
              + ":"
              + number
              + ": expected '<name> <groups> <hash>', but found "
              + fields.length
              + " field(s)");
    }
    try {
      PasswordHash.parse(fields[2]);
      return new User(fields[0], Set.of(fields[1].split(",")), fields[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
    }
  }
}
