package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisStoreTest {

  @TempDir Path dir;

  @Test
  void shouldStartAndOwnEmbeddedRedisWhenNoUrlIsConfigured() {
    RedisStore store = RedisStore.connect(StoreConfig.defaults().withDataDir(dir));
    EmbeddedRedis embedded = store.embedded().orElseThrow();
    try {
      assertThat(store.uri()).isEqualTo(embedded.uri());
      Health health = store.ping();
      assertThat(health.up()).isTrue();
      assertThat(health.detail()).isEqualTo("PONG");
      assertThat(health.latency()).isPositive();
    } finally {
      store.close();
    }
    assertThat(embedded.isRunning()).isFalse();
  }

  @Test
  void shouldLeaveServerRunningWhenStoreWithUrlIsClosed() {
    try (EmbeddedRedis server = EmbeddedRedis.start(dir)) {
      RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(server.uri()));
      assertThat(store.embedded()).isEmpty();
      store.close();

      assertThat(server.isRunning()).isTrue();
    }
  }

  @Test
  void shouldReportDownWithoutThrowingWhenServerIsGone() {
    StoreConfig config =
        StoreConfig.defaults().withDataDir(dir).withCommandTimeout(Duration.ofMillis(500));
    try (RedisStore store = RedisStore.connect(config)) {
      Servers.killHard(store.embedded().orElseThrow().pid());

      // A generous bound: the ping must give up (the command timeout is 500 ms), not hang.
      Health health = assertTimeoutPreemptively(Duration.ofSeconds(60), store::ping);
      Health again = assertTimeoutPreemptively(Duration.ofSeconds(60), store::ping);

      assertThat(health.up()).isFalse();
      assertThat(health.detail()).isNotBlank();
      assertThat(again.up()).as("still down: %s", again.detail()).isFalse();
    }
  }

  @Test
  void shouldKeepDeploymentsApartWhenKeyPrefixesDiffer() {
    try (RedisStore blue = RedisStore.connect(StoreConfig.defaults().withDataDir(dir));
        RedisStore green =
            RedisStore.connect(
                StoreConfig.defaults().withRedisUrl(blue.uri()).withKeyPrefix("green:"))) {
      blue.decisions().create("d1", bytes("blue"));

      assertThat(green.decisions().get("d1")).isEmpty();
      assertThat(green.decisions().create("d1", bytes("green"))).isEqualTo(new WriteResult.Ok(1));
      assertThat(blue.audit().verifyChain().intact()).isTrue();
    }
  }

  @Test
  void shouldFailClearlyWhenAnotherStoreOwnsTheDataDirectory() {
    try (RedisStore first = RedisStore.connect(StoreConfig.defaults().withDataDir(dir))) {
      assertThatThrownBy(() -> RedisStore.connect(StoreConfig.defaults().withDataDir(dir)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already in use")
          .hasMessageContaining(first.uri())
          .hasMessageContaining("REHEARSAL_REDIS_URL");
      assertThat(first.ping().up()).isTrue();
    }
  }
}
