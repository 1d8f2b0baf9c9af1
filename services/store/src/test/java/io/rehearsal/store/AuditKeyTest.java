package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {

  @TempDir Path dir;

  @Test
  void shouldCreateOwnerOnlyFileAndReadTheSameKeyWhenLoadedTwice() throws Exception {
    Path file = dir.resolve("sub/audit.key");

    AuditKey created = AuditKey.loadOrCreate(file);
    AuditKey again = AuditKey.loadOrCreate(file);

    assertThat(again.fingerprint()).isEqualTo(created.fingerprint());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(AuditKey.load(file).toBase64()).isEqualTo(created.toBase64());
  }

  @Test
  void shouldAgreeOnOneKeyWhenProcessesCreateItAtOnce() throws Exception {
    Path file = dir.resolve("audit.key");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> creators = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        creators.add(pool.submit(() -> AuditKey.loadOrCreate(file).fingerprint()));
      }
      Set<String> fingerprints = new java.util.HashSet<>();
      for (Future<String> creator : creators) {
        fingerprints.add(creator.get());
      }
      assertThat(fingerprints).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
          .containsExactly("audit.key");
    }
  }

  @Test
  void shouldNameTheFileWhenItHoldsNoValidKey() throws Exception {
    Path file = dir.resolve("audit.key");
    Files.writeString(file, "not base64 !!");

    assertThatThrownBy(() -> AuditKey.loadOrCreate(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("base64");
  }

  @Test
  void shouldRefuseKeyWhenShorterThan32Bytes() {
    assertThatThrownBy(() -> AuditKey.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("audit key must be at least 32 bytes, but was 31");
  }

  @Test
  void shouldNeverShowTheKeyWhenPrinted() {
    AuditKey key = AuditKey.generate(new SecureRandom());

    assertThat(key.toString()).doesNotContain(key.toBase64()).contains(key.fingerprint());
    assertThat(AuditKey.fromBase64(key.toBase64()).fingerprint()).isEqualTo(key.fingerprint());
  }

  @Test
  void shouldGiveDifferentChainHashesWhenKeysDiffer() {
    AuditKey one = AuditKey.of(new byte[32]);
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 1);
    AuditKey two = AuditKey.of(ones);

    assertThat(one.chainHash(AuditLog.GENESIS_HASH, new byte[] {1}))
        .isNotEqualTo(two.chainHash(AuditLog.GENESIS_HASH, new byte[] {1}))
        .hasSize(64);
  }
}
