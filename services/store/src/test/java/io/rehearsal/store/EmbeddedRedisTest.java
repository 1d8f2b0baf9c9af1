package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisTest {

  private static RedisClient client;

  @BeforeAll
  static void createClient() {
    client = RedisClient.create();
  }

  @AfterAll
  static void shutdownClient() {
    client.shutdown();
  }

  @Test
  void shouldServeOnLoopbackWithDurableAofWhenStarted(@TempDir Path dir) {
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("data"))) {
      assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
      assertThat(redis.port()).isNotEqualTo(6379);
      withRedis(
          redis,
          r -> {
            assertThat(r.ping()).isEqualTo("PONG");
            assertThat(r.configGet("appendonly")).containsEntry("appendonly", "yes");
            assertThat(r.configGet("appendfsync")).containsEntry("appendfsync", "always");
            assertThat(r.configGet("bind")).containsEntry("bind", "127.0.0.1");
            assertThat(Path.of(r.configGet("dir").get("dir"))).isEqualTo(redis.dataDir());
            assertThat(r.info("server")).contains("process_id:" + redis.pid());
          });
      assertThat(redis.dataDir()).isDirectory();
    }
  }

  @Test
  void shouldStopServerAndReleaseDirectoryWhenClosed(@TempDir Path dir) {
    EmbeddedRedis first = EmbeddedRedis.start(dir);
    ProcessHandle server = ProcessHandle.of(first.pid()).orElseThrow();
    first.close();
    first.close();

    assertThat(server.isAlive()).isFalse();
    try (EmbeddedRedis second = EmbeddedRedis.start(dir)) {
      assertThat(second.isRunning()).isTrue();
    }
  }

  @Test
  void shouldRejectSecondServerWhenDirectoryIsInUseInThisProcess(@TempDir Path dir)
      throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir)) {
      assertThatThrownBy(() -> EmbeddedRedis.start(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.toRealPath().toString())
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining(redis.uri())
          .hasMessageContaining("rehearsal.redis.url")
          .hasMessageContaining("REHEARSAL_REDIS_URL");
      assertThat(redis.isRunning()).isTrue();
    }
  }

  @Test
  void shouldRejectServerWhenAnotherProcessHoldsTheDirectory(@TempDir Path dir) throws Exception {
    Process holder = startLockHolder(dir);
    long orphan = -1;
    try {
      orphan = readRedisPid(holder);
      assertThatThrownBy(() -> EmbeddedRedis.start(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.toRealPath().toString())
          .hasMessageContaining("process " + holder.pid())
          .hasMessageContaining("REHEARSAL_REDIS_URL");
      holder.destroyForcibly().waitFor();
      assertThat(isAlive(orphan)).as("redis-server orphaned by the killed JVM").isTrue();

      try (EmbeddedRedis redis = EmbeddedRedis.start(dir)) {
        assertThat(redis.isRunning()).isTrue();
        assertThat(isAlive(orphan)).as("orphan reaped by the next holder").isFalse();
      }
    } finally {
      holder.destroyForcibly().waitFor();
      if (orphan > 0) {
        ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void shouldRestartOnSameDirectoryAndKeepDataWhenServerWasKilled(@TempDir Path dir) {
    EmbeddedRedis first = EmbeddedRedis.start(dir);
    int port = first.port();
    withRedis(first, r -> r.set("k", "v"));
    Servers.killHard(first.pid());
    assertThat(first.isRunning()).isFalse();
    first.close();

    try (EmbeddedRedis second = EmbeddedRedis.start(dir, port)) {
      assertThat(second.port()).isEqualTo(port);
      withRedis(second, r -> assertThat(r.get("k")).isEqualTo("v"));
    }
  }

  @Test
  void shouldRejectPortWhenOutOfRange(@TempDir Path dir) {
    assertThatThrownBy(() -> EmbeddedRedis.start(dir, 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  private static void withRedis(EmbeddedRedis redis, Consumer<RedisCommands<String, String>> use) {
    try (StatefulRedisConnection<String, String> connection =
        client.connect(io.lettuce.core.RedisURI.create(redis.uri()))) {
      use.accept(connection.sync());
    }
  }

  private static Process startLockHolder(Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    return new ProcessBuilder(
            List.of(java, "-cp", classPath, LockHolderMain.class.getName(), dir.toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static long readRedisPid(Process holder) throws Exception {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    assertThat(line).startsWith("locked ");
    return Long.parseLong(line.substring("locked ".length()).trim());
  }
}
