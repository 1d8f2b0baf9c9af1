package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUsersTest {

  private final SecureRandom random = new SecureRandom();

  @TempDir Path dir;

  @Test
  void shouldCreateAnOwnerOnlyFileWithAOneTimePasswordWhenNoneExists() throws Exception {
    Path file = dir.resolve("gateway/web-users");

    LocalUsers.Loaded loaded = LocalUsers.ensure(file, 1_000, random);

    assertThat(loaded.firstPassword()).get().asString().hasSizeGreaterThanOrEqualTo(24);
    LocalUsers.User admin = loaded.users().get(LocalUsers.FIRST_USER);
    assertThat(admin.groups()).containsExactlyInAnyOrder("oncall", "admin");
    assertThat(PasswordHash.matches(loaded.firstPassword().get().toCharArray(), admin.hash()))
        .isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(file)).doesNotContain(loaded.firstPassword().get());
  }

  @Test
  void shouldKeepTheFileAndPrintNoPasswordWhenItExists() {
    Path file = dir.resolve("web-users");
    LocalUsers.Loaded first = LocalUsers.ensure(file, 1_000, random);

    LocalUsers.Loaded second = LocalUsers.ensure(file, 1_000, random);

    assertThat(second.firstPassword()).isEmpty();
    assertThat(second.users()).isEqualTo(first.users());
  }

  @Test
  void shouldReadEveryUserWithGroupsSkippingComments() {
    Path file = dir.resolve("web-users");
    LocalUsers.write(
        file,
        List.of(
            new LocalUsers.User("alice@example.com", Set.of("oncall"), hash("a")),
            new LocalUsers.User("bob", Set.of("oncall", "sre"), hash("b"))));

    var users = LocalUsers.read(file);

    assertThat(users).containsOnlyKeys("alice@example.com", "bob");
    assertThat(users.get("bob").groups()).containsExactlyInAnyOrder("oncall", "sre");
  }

  @Test
  void shouldNameFileAndLineWhenALineIsMalformedOrRepeated() throws Exception {
    Path file = dir.resolve("web-users");
    Files.writeString(file, "# users\nalice oncall " + hash("a") + "\nbob oncall\n");
    assertThatThrownBy(() -> LocalUsers.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + ":3")
        .hasMessageContaining("found 2 field(s)");

    Files.writeString(file, "alice oncall " + hash("a") + "\nalice oncall " + hash("b") + "\n");
    assertThatThrownBy(() -> LocalUsers.read(file))
        .hasMessageContaining(file + ":2: user 'alice' appears twice");

    Files.writeString(file, "alice oncall plaintext-password\n");
    assertThatThrownBy(() -> LocalUsers.read(file))
        .hasMessageContaining(file + ":1")
        .hasMessageContaining("plaintext-password");
  }

  private String hash(String password) {
    return PasswordHash.hash(password.toCharArray(), 1_000, random);
  }
}
