package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connected store survives its server being killed and restarted on the same port: commands
 * issued while it is down are queued by Lettuce and sent after the reconnect, and each lands
 * exactly once.
 */
class RedisStoreReconnectTest {

  @TempDir Path dir;

  @Test
  void shouldApplyEachWriteExactlyOnceWhenServerIsKilledAndRestarted() throws Exception {
    EmbeddedRedis first = EmbeddedRedis.start(dir);
    int port = first.port();
    StoreConfig config =
        StoreConfig.defaults().withRedisUrl(first.uri()).withCommandTimeout(Duration.ofSeconds(20));
    try (RedisStore store = RedisStore.connect(config)) {
      store.decisions().create("d1", bytes("pending"));
      store.audit().append("submitted", bytes("submitted"));

      Servers.killHard(first.pid());
      first.close();
      CompletableFuture<WriteResult> approve =
          CompletableFuture.supplyAsync(
              () -> store.decisions().compareAndSet("d1", 1, bytes("approved")));
      CompletableFuture<AuditEntry> approved =
          CompletableFuture.supplyAsync(() -> store.audit().append("approved", bytes("approved")));
      Thread.sleep(300);
      assertThat(approve).isNotDone();
      assertThat(store.ping().up()).isFalse();

      try (EmbeddedRedis second = EmbeddedRedis.start(dir, port)) {
        assertThat(second.port()).isEqualTo(port);
        assertThat(approve.get(15, TimeUnit.SECONDS)).isEqualTo(new WriteResult.Ok(2));
        assertThat(approved.get(15, TimeUnit.SECONDS).key()).isEqualTo("approved");

        assertThat(store.decisions().compareAndSet("d1", 2, bytes("executed")))
            .isEqualTo(new WriteResult.Ok(3));
        store.audit().append("executed", bytes("executed"));
        store.audit().append("approved", bytes("approved"));

        assertThat(store.decisions().get("d1")).contains(new Versioned(3, bytes("executed")));
        assertThat(store.audit().read("-", 10))
            .extracting(AuditEntry::key)
            .containsExactly("submitted", "approved", "executed");
        assertThat(store.audit().verifyChain().intact()).isTrue();
        assertThat(store.ping().up()).isTrue();
      }
    }
  }
}
