package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the store acknowledged survives {@code kill -9} of redis-server (AOF with {@code
 * appendfsync always}), and a write in flight at the kill is either wholly present or absent.
 */
class RedisStoreDurabilityTest {

  private static final int WRITES = 2_000;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  private final Map<String, byte[]> snapshots = new HashMap<>();
  private final Map<String, byte[]> evaluations = new HashMap<>();
  private final Map<String, Versioned> decisions = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();

  @Test
  void shouldFindEveryAcknowledgedWriteWhenServerIsKilledAndRestarted() throws Exception {
    EmbeddedRedis first = EmbeddedRedis.start(dir);
    HotWriter hot;
    try (RedisStore store = connect(first)) {
      for (int i = 0; i < WRITES; i++) {
        write(store, i);
      }

      hot = new HotWriter(store);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(hot::run);
      hot.awaitProgress(20);
      Servers.killHard(first.pid());
      hot.stop();
      writer.get(10, TimeUnit.SECONDS);
    }
    first.close();

    try (EmbeddedRedis second = EmbeddedRedis.start(dir);
        RedisStore store = connect(second)) {
      assertAcknowledgedWritesPresent(store);
      assertInFlightWritesWholeOrAbsent(store, hot);
      ChainVerification chain = store.audit().verifyChain();
      assertThat(chain.intact()).as(chain.toString()).isTrue();
      long acknowledged = (long) audit.size() + hot.acked;
      assertThat(store.audit().size()).isIn(acknowledged, acknowledged + 1);
    }
  }

  private static RedisStore connect(EmbeddedRedis server) {
    return RedisStore.connect(
        StoreConfig.defaults()
            .withRedisUrl(server.uri())
            .withCommandTimeout(Duration.ofSeconds(2)));
  }

  private void write(RedisStore store, int i) {
    switch (i % 5) {
      case 0 -> {
        byte[] spec = bytes("spec " + i);
        snapshots.put(store.twinSnapshots().put(spec).hex(), spec);
      }
      case 1, 2 -> {
        assertThat(store.evaluations().put("ev-" + i, bytes("eval " + i), T0.plusMillis(i)))
            .isEqualTo(PutResult.CREATED);
        evaluations.put("ev-" + i, bytes("eval " + i));
      }
      case 3 -> writeDecision(store, i);
      default -> audit.add(store.audit().append("a-" + i, bytes("audit " + i)));
    }
  }

  /** Even rounds create a decision, odd rounds move the one created before to revision 2. */
  private void writeDecision(RedisStore store, int i) {
    int round = i / 5;
    String id = "d-" + (round / 2);
    if (round % 2 == 0) {
      assertThat(store.decisions().create(id, bytes("created " + i)))
          .isEqualTo(new WriteResult.Ok(1));
      decisions.put(id, new Versioned(1, bytes("created " + i)));
    } else {
      assertThat(store.decisions().compareAndSet(id, 1, bytes("updated " + i)))
          .isEqualTo(new WriteResult.Ok(2));
      decisions.put(id, new Versioned(2, bytes("updated " + i)));
    }
  }

  private void assertAcknowledgedWritesPresent(RedisStore store) {
    snapshots.forEach(
        (id, spec) ->
            assertThat(store.twinSnapshots().get(new SnapshotId(id)))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(spec)));
    evaluations.forEach(
        (id, value) ->
            assertThat(store.evaluations().get(id))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(value)));
    decisions.forEach((id, value) -> assertThat(store.decisions().get(id)).contains(value));
    List<AuditEntry> stored = store.audit().read("-", audit.size());
    assertThat(stored).containsExactlyElementsOf(audit);
    assertThat(snapshots.size() + evaluations.size() + audit.size()).isEqualTo(WRITES - WRITES / 5);
  }

  private static void assertInFlightWritesWholeOrAbsent(RedisStore store, HotWriter hot) {
    Versioned decision = store.decisions().get(HotWriter.DECISION).orElseThrow();
    assertThat(decision.revision())
        .as(
            "revision after %d hot acks, the write in flight failing with %s",
            hot.acked, hot.failure)
        .isIn(hot.ackedRevision, hot.ackedRevision + 1);
    assertThat(decision.payload()).isEqualTo(HotWriter.payload(decision.revision()));
    for (int n = 0; n < hot.acked; n++) {
      assertThat(store.audit().find("hot-" + n)).as("hot-" + n).isPresent();
    }
    int inFlight = hot.acked;
    store
        .audit()
        .find("hot-" + inFlight)
        .ifPresent(entry -> assertThat(entry.payload()).isEqualTo(HotWriter.payload(inFlight)));
  }

  /** Writes large values back to back until the server dies, counting what was acknowledged. */
  private static final class HotWriter {

    static final String DECISION = "hot";

    private final RedisStore store;
    private final AtomicBoolean running = new AtomicBoolean(true);
    volatile long ackedRevision;
    volatile int acked;
    volatile RuntimeException failure;

    HotWriter(RedisStore store) {
      this.store = store;
    }

    static byte[] payload(long n) {
      byte[] value = new byte[64 * 1024];
      Arrays.fill(value, (byte) ('a' + n % 26));
      byte[] tag = bytes("hot-" + n + ":");
      System.arraycopy(tag, 0, value, 0, tag.length);
      return value;
    }

    void run() {
      try {
        store.decisions().create(DECISION, payload(1));
        ackedRevision = 1;
        while (running.get()) {
          WriteResult result =
              store.decisions().compareAndSet(DECISION, ackedRevision, payload(ackedRevision + 1));
          assertThat(result).isEqualTo(new WriteResult.Ok(ackedRevision + 1));
          ackedRevision++;
          store.audit().append("hot-" + acked, payload(acked));
          acked++;
        }
      } catch (RuntimeException e) {
        // The server was killed: the write in flight is unacknowledged.
        failure = e;
      }
    }

    void awaitProgress(int writes) throws InterruptedException {
      while (acked < writes) {
        Thread.sleep(1);
      }
    }

    void stop() {
      running.set(false);
    }
  }
}
