package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @TempDir Path tmp;

  @Test
  void shouldWriteOwnerOnlyKeyAndTokensWhenStartedTheFirstTime() throws Exception {
    Path dir = tmp.resolve("credentials");

    LocalCredentials.Result result = LocalCredentials.ensure(dir, Duration.ofDays(1), NOW);

    assertThat(result.generated()).isTrue();
    assertThat(result.tokens()).containsOnlyKeys("automation", "oncall", "admin");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    for (Path file : Files.list(dir).toList()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as("%s", file)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void shouldPutTheRoleInGroupsAndTheTtlInExpWhenMintingTheRoleTokens() throws Exception {
    Path dir = tmp.resolve("c");
    LocalCredentials.ensure(dir, Duration.ofDays(2), NOW);

    String token = Files.readString(LocalCredentials.tokenFile(dir, "oncall")).trim();
    String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));

    assertThat(claims)
        .contains("\"groups\":[\"oncall\"]")
        .contains("\"upn\":\"local-oncall\"")
        .contains("\"iss\":\"rehearsal-local\"")
        .contains("\"exp\":" + NOW.plus(Duration.ofDays(2)).getEpochSecond());
  }

  @Test
  void shouldKeepTheExistingSetWhenStartedAgain() throws Exception {
    Path dir = tmp.resolve("c");
    LocalCredentials.ensure(dir, Duration.ofDays(1), NOW);
    String key = Files.readString(dir.resolve(LocalCredentials.PUBLIC_KEY));

    LocalCredentials.Result again = LocalCredentials.ensure(dir, Duration.ofDays(1), NOW);

    assertThat(again.generated()).isFalse();
    assertThat(Files.readString(dir.resolve(LocalCredentials.PUBLIC_KEY))).isEqualTo(key);
  }

  @Test
  void shouldRegenerateWhenASetWasLeftHalfWritten() throws Exception {
    Path dir = tmp.resolve("c");
    LocalCredentials.ensure(dir, Duration.ofDays(1), NOW);
    Files.delete(LocalCredentials.tokenFile(dir, "admin"));

    LocalCredentials.Result again = LocalCredentials.ensure(dir, Duration.ofDays(1), NOW);

    assertThat(again.generated()).isTrue();
    assertThat(LocalCredentials.tokenFile(dir, "admin")).isRegularFile();
  }
}
