package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static io.rehearsal.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.store.DecisionJournal.OutboxOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many writers of one process at once, as the gateway's Submits: each writes a decision through the
 * journal and, when its write applied, appends the audit entry (group-committed). Some CAS writes
 * are stale on purpose, others race on shared decisions.
 */
@ExtendWith(StoreExtension.class)
class JournalAuditConcurrencyTest {

  private static final int THREADS = 16;
  private static final int WRITES = 500;
  private static final int SHARED = 4;

  private StoreFixture fixture;
  private DecisionJournal journal;
  private AuditLog audit;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    audit = fixture.store.audit();
    journal =
        DecisionJournal.connect(
            fixture.store.uri(), StoreConfig.defaults().keyPrefix(), Duration.ofSeconds(10));
  }

  @AfterEach
  void close() {
    journal.close();
  }

  @Test
  void shouldChainEverySuccessOnceAndNoConflictWhenManyWritersWriteAtOnce() throws Exception {
    for (int s = 0; s < SHARED; s++) {
      write(
          journal.create(
              "shared-" + s, bytes("shared-" + s + " r1"), bytes("e"), OutboxOp.NONE, 0));
      audit.append("decision:shared-" + s + ":1", bytes("shared-" + s + " r1"));
    }
    Set<String> succeeded = ConcurrentHashMap.newKeySet();
    Set<String> conflicted = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < WRITES; i++) {
                    writeOne(thread, i, succeeded, conflicted);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<AuditEntry> chain = new ArrayList<>();
    for (String from = "-"; ; ) {
      List<AuditEntry> page = audit.read(from, 1_000);
      chain.addAll(page);
      if (page.size() < 1_000) {
        break;
      }
      from = "(" + page.get(page.size() - 1).id();
    }
    Set<String> payloads = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (AuditEntry entry : chain) {
      assertThat(payloads.add(text(entry.payload()))).as("payload once: %s", entry).isTrue();
      assertThat(keys.add(entry.key())).as("key once: %s", entry).isTrue();
    }
    Set<String> expected = new HashSet<>(succeeded);
    for (int s = 0; s < SHARED; s++) {
      expected.add("shared-" + s + " r1");
    }
    assertThat(payloads).isEqualTo(expected);
    assertThat(conflicted).isNotEmpty().doesNotContainAnyElementsOf(payloads);
    // every thread's stale write (each 10th) conflicted, and the shared races had losers too
    assertThat(conflicted.stream().filter(p -> p.startsWith("stale")).count())
        .isEqualTo(THREADS * WRITES / 10);
    assertThat(succeeded.size() + conflicted.size()).isEqualTo(THREADS * WRITES);
    assertThat(audit.verifyChain())
        .isEqualTo(new ChainVerification.Intact(chain.size(), audit.head().orElseThrow()));
  }

  @Test
  void shouldAnswerEachWriterOnItsOwnWhenABatchHoldsResentAndReusedKeys() throws Exception {
    AuditEntry first = audit.append("k-0", bytes("zero"));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<AuditEntry>> resent = new ArrayList<>();
      List<Future<AuditEntry>> reused = new ArrayList<>();
      List<Future<AuditEntry>> fresh = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String key = "k-" + (t + 1);
        resent.add(pool.submit(() -> audit.append("k-0", bytes("zero"))));
        reused.add(pool.submit(() -> audit.append("k-0", bytes("not zero"))));
        fresh.add(pool.submit(() -> audit.append(key, bytes("entry " + key))));
      }
      for (int t = 0; t < THREADS; t++) {
        assertThat(resent.get(t).get(30, TimeUnit.SECONDS)).isEqualTo(first);
        Future<AuditEntry> refused = reused.get(t);
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("k-0");
        assertThat(fresh.get(t).get(30, TimeUnit.SECONDS).key()).isEqualTo("k-" + (t + 1));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(audit.size()).isEqualTo(THREADS + 1);
    assertThat(audit.verifyChain())
        .isEqualTo(new ChainVerification.Intact(THREADS + 1, audit.head().orElseThrow()));
  }

  /**
   * Each 10th write is a CAS from revision 1 of the thread's own decision, already at revision 2: a
   * conflict. Each 10th + 5 races on a shared decision from the revision just read. The rest create
   * fresh decisions.
   */
  private void writeOne(int thread, int i, Set<String> succeeded, Set<String> conflicted) {
    String own = "own-" + thread;
    if (i == 0) {
      write(journal.create(own, bytes(own + " r1"), bytes("e"), OutboxOp.NONE, 0));
      write(journal.compareAndSet(own, 1, bytes(own + " r2"), bytes("e"), OutboxOp.NONE, 0));
    }
    String id;
    long expected;
    String payload;
    WriteResult result;
    if (i % 10 == 0) {
      id = own;
      expected = 1;
      payload = "stale " + thread + "-" + i;
      result = write(journal.compareAndSet(id, 1, bytes(payload), bytes("e"), OutboxOp.NONE, 0));
    } else if (i % 10 == 5) {
      id = "shared-" + (i / 10) % SHARED;
      expected = fixture.store.decisions().get(id).orElseThrow().revision();
      payload = "race " + thread + "-" + i;
      result =
          write(journal.compareAndSet(id, expected, bytes(payload), bytes("e"), OutboxOp.NONE, 0));
    } else {
      id = "fresh-" + thread + "-" + i;
      expected = 0;
      payload = "fresh " + thread + "-" + i;
      result = write(journal.create(id, bytes(payload), bytes("e"), OutboxOp.NONE, 0));
    }
    if (result instanceof WriteResult.Ok ok) {
      assertThat(ok.revision()).isEqualTo(expected + 1);
      AuditEntry entry = audit.append("decision:" + id + ":" + ok.revision(), bytes(payload));
      assertThat(text(entry.payload())).isEqualTo(payload);
      succeeded.add(payload);
    } else {
      assertThat(result).isInstanceOf(WriteResult.Conflict.class);
      conflicted.add(payload);
    }
  }

  private static WriteResult write(DecisionJournal.Written written) {
    return written.result();
  }
}
