package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis gone while appends are queued: every writer of every batch is told (none waits for ever,
 * none is told "written"), and once Redis is back their retries land once each on an intact chain.
 */
class AuditGroupCommitRedisDownTest {

  private static final int WRITERS = 12;

  @TempDir Path dir;

  @Test
  void shouldFailEveryWriterAndHalfWriteNothingWhenRedisIsUnreachable() throws Exception {
    EmbeddedRedis first = EmbeddedRedis.start(dir);
    int port = first.port();
    StoreConfig config =
        StoreConfig.defaults()
            .withRedisUrl(first.uri())
            .withCommandTimeout(Duration.ofMillis(800))
            .withAuditKey(StoreFixture.AUDIT_KEY);
    try (RedisStore store = RedisStore.connect(config)) {
      store.audit().append("before", bytes("before"));
      Servers.killHard(first.pid());
      first.close();

      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<AuditEntry>> writers = new ArrayList<>();
      try {
        for (int w = 0; w < WRITERS; w++) {
          String key = "w" + w;
          writers.add(pool.submit(() -> store.audit().append(key, bytes("entry " + key))));
        }
        for (Future<AuditEntry> writer : writers) {
          try {
            AuditEntry entry = writer.get(30, TimeUnit.SECONDS);
            throw new AssertionError("acknowledged while Redis was down: " + entry);
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RuntimeException.class);
          }
        }
      } finally {
        pool.shutdownNow();
      }

      try (EmbeddedRedis second = EmbeddedRedis.start(dir, port)) {
        awaitReconnected(store);
        for (int w = 0; w < WRITERS; w++) {
          assertThat(store.audit().append("w" + w, bytes("entry w" + w)).key()).isEqualTo("w" + w);
        }
        assertThat(store.audit().size()).isEqualTo(WRITERS + 1);
        assertThat(store.audit().verifyChain())
            .isEqualTo(
                new ChainVerification.Intact(WRITERS + 1, store.audit().head().orElseThrow()));
      }
    }
  }

  /** As a caller would: retry once the client is connected again (its backoff reaches 2 s). */
  private static void awaitReconnected(RedisStore store) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!store.ping().up()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reconnected to the restarted Redis in 10 s");
      }
      Thread.sleep(20);
    }
  }
}
