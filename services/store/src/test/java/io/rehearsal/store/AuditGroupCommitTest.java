package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditGroupCommitTest {

  /** Records each batch's keys; the first batch waits for {@code release}. */
  private static final class Recorder {
    final List<List<String>> batches = new ArrayList<>();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Void> write(List<PendingAppend> batch) {
      synchronized (this) {
        batches.add(batch.stream().map(p -> p.key).toList());
      }
      firstStarted.countDown();
      return CompletableFuture.runAsync(
          () -> {
            await(release);
            for (PendingAppend p : batch) {
              if (p.key.startsWith("bad")) {
                p.fail(new IllegalArgumentException("refused " + p.key));
              } else {
                p.succeed(new AuditEntry("1-" + p.key, p.key, p.payload, "prev", "hash-" + p.key));
              }
            }
          });
    }
  }

  @Test
  void shouldWriteEveryoneWhoQueuedDuringABatchInTheNextOneWhenABatchIsInFlight() throws Exception {
    Recorder recorder = new Recorder();
    AuditGroupCommit commits = new AuditGroupCommit(recorder::write);
    CompletableFuture<Optional<AuditEntry>> first = commits.submit(pending("a0"));
    recorder.firstStarted.await(10, TimeUnit.SECONDS);
    List<CompletableFuture<Optional<AuditEntry>>> later = new ArrayList<>();
    for (String key : List.of("a1", "bad2", "a3", "a1", "a4")) {
      later.add(commits.submit(pending(key)));
    }
    assertThat(commits.queued()).isEqualTo(5);
    assertThat(later).noneMatch(CompletableFuture::isDone);
    recorder.release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS).orElseThrow().key()).isEqualTo("a0");
    assertThat(later.get(0).get(10, TimeUnit.SECONDS).orElseThrow().id()).isEqualTo("1-a1");
    assertThatThrownBy(() -> later.get(1).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused bad2");
    assertThat(later.get(4).get(10, TimeUnit.SECONDS).orElseThrow().key()).isEqualTo("a4");
    assertThat(later.get(3).get(10, TimeUnit.SECONDS).orElseThrow().key()).isEqualTo("a1");
    // a0 alone, then the four distinct keys that queued meanwhile in one batch, then the
    // repeated a1 (never twice in one batch)
    assertThat(recorder.batches).hasSize(3);
    assertThat(recorder.batches.get(0)).containsExactly("a0");
    assertThat(recorder.batches.get(1)).containsExactlyInAnyOrder("a1", "bad2", "a3", "a4");
    assertThat(recorder.batches.get(2)).containsExactly("a1");
  }

  @Test
  void shouldFailEveryAppendOfTheBatchWhenTheWriteThrows() throws Exception {
    AuditGroupCommit commits =
        new AuditGroupCommit(
            batch -> {
              throw new IllegalStateException("redis is gone with " + batch.size());
            });

    assertThatThrownBy(() -> Reads.await(commits.submit(pending("k1"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redis is gone with 1");
    // and the next append starts a batch of its own instead of waiting for ever
    assertThatThrownBy(() -> Reads.await(commits.submit(pending("k2"))))
        .hasMessageContaining("redis is gone with 1");
  }

  private static PendingAppend pending(String key) {
    return new PendingAppend(key, bytes("payload of " + key));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
