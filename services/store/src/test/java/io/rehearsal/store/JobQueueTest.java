package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static io.rehearsal.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreExtension.class)
class JobQueueTest {

  private static final Duration BLOCK = Duration.ofMillis(200);
  private static final Duration MIN_IDLE = Duration.ofMillis(300);

  private StoreFixture fixture;
  private JobQueue queue;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    queue = fixture.store.jobQueue("test", Duration.ofMinutes(5));
  }

  @Test
  void shouldDeliverJobAndReturnResultWhenCompleted() {
    try (JobBatch batch = queue.open("ev-1", bytes("plan"));
        JobConsumer worker = queue.consumer("w-1", MIN_IDLE, 3)) {
      batch.submit("0:0:5", bytes("job"));

      Delivery d = worker.take(BLOCK).orElseThrow();
      worker.complete(d, bytes("result"));

      assertThat(d.batch()).isEqualTo("ev-1");
      assertThat(d.jobId()).isEqualTo("0:0:5");
      assertThat(text(d.payload())).isEqualTo("job");
      assertThat(d.reclaimed()).isFalse();
      assertThat(text(queue.plan("ev-1").orElseThrow())).isEqualTo("plan");
      assertThat(batch.results(List.of("0:0:5", "1:0:5")))
          .containsOnlyKeys("0:0:5")
          .hasEntrySatisfying("0:0:5", v -> assertThat(text(v)).isEqualTo("result"));
      assertThat(queue.pending(10)).isEmpty();
      assertThat(queue.length()).isZero();
    }
  }

  @Test
  void shouldReclaimJobWhenItsHolderIdlesLongerThanMinIdle() throws Exception {
    try (JobBatch batch = queue.open("ev-1", bytes("plan"));
        JobConsumer dead = queue.consumer("dead", MIN_IDLE, 3);
        JobConsumer alive = queue.consumer("alive", MIN_IDLE, 3)) {
      batch.submit("j", bytes("job"));
      dead.take(BLOCK).orElseThrow();

      assertThat(alive.take(Duration.ofMillis(1))).isEmpty();
      Thread.sleep(MIN_IDLE.toMillis() + 100);
      Delivery d = alive.take(BLOCK).orElseThrow();

      assertThat(d.reclaimed()).isTrue();
      assertThat(d.jobId()).isEqualTo("j");
      assertThat(queue.pending(10))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.consumer()).isEqualTo("alive");
                assertThat(p.deliveries()).isEqualTo(2);
              });
    }
  }

  @Test
  void shouldKeepJobWithItsHolderWhenTheHolderTouchesIt() throws Exception {
    try (JobBatch batch = queue.open("ev-1", bytes("plan"));
        JobConsumer slow = queue.consumer("slow", MIN_IDLE, 3);
        JobConsumer other = queue.consumer("other", MIN_IDLE, 3)) {
      batch.submit("j", bytes("job"));
      Delivery held = slow.take(BLOCK).orElseThrow();

      for (int i = 0; i < 4; i++) {
        Thread.sleep(MIN_IDLE.toMillis() / 2);
        slow.touch(held);
      }

      assertThat(other.take(Duration.ofMillis(1))).isEmpty();
      assertThat(queue.pending(10))
          .singleElement()
          .extracting(PendingJob::consumer)
          .isEqualTo("slow");
    }
  }

  @Test
  void shouldKeepOneResultWhenAJobIsCompletedTwice() throws Exception {
    try (JobBatch batch = queue.open("ev-1", bytes("plan"));
        JobConsumer first = queue.consumer("first", MIN_IDLE, 3);
        JobConsumer second = queue.consumer("second", MIN_IDLE, 3)) {
      batch.submit("j", bytes("job"));
      Delivery d1 = first.take(BLOCK).orElseThrow();
      Thread.sleep(MIN_IDLE.toMillis() + 100);
      Delivery d2 = second.take(BLOCK).orElseThrow();

      second.complete(d2, bytes("same"));
      first.complete(d1, bytes("same"));

      assertThat(batch.results(List.of("j"))).hasSize(1);
      assertThat(queue.pending(10)).isEmpty();
      assertThat(second.take(Duration.ofMillis(1))).isEmpty();
    }
  }

  @Test
  void shouldFailJobWhenReclaimedMoreThanMaxDeliveries() throws Exception {
    try (JobBatch batch = queue.open("ev-1", bytes("plan"));
        JobConsumer a = queue.consumer("a", MIN_IDLE, 1);
        JobConsumer b = queue.consumer("b", MIN_IDLE, 1)) {
      batch.submit("poison", bytes("job"));
      a.take(BLOCK).orElseThrow();
      Thread.sleep(MIN_IDLE.toMillis() + 100);

      Optional<Delivery> again = b.take(Duration.ofMillis(1));

      assertThat(again).isEmpty();
      assertThat(batch.failures()).containsKey("poison");
      assertThat(batch.failures().get("poison")).contains("delivered more than 1 times");
      assertThat(queue.pending(10)).isEmpty();
    }
  }

  @Test
  void shouldWakeTheCoordinatorWhenAJobFinishes() throws Exception {
    try (JobBatch batch = queue.open("ev-1", bytes("plan"));
        JobConsumer worker = queue.consumer("w", MIN_IDLE, 3)) {
      assertThat(batch.await(Duration.ofMillis(100))).isFalse();
      batch.submit("j", bytes("job"));
      CompletableFuture<Boolean> woken =
          CompletableFuture.supplyAsync(() -> batch.await(Duration.ofSeconds(5)));

      worker.fail(worker.take(BLOCK).orElseThrow(), "boom");

      assertThat(woken.get()).isTrue();
      assertThat(batch.failures()).containsEntry("j", "boom");
      assertThat(batch.await(Duration.ofMillis(100))).isFalse();
    }
  }

  @Test
  void shouldDeleteTheBatchKeysWhenClosed() {
    JobBatch batch = queue.open("ev-1", bytes("plan"));
    try (JobConsumer worker = queue.consumer("w", MIN_IDLE, 3)) {
      batch.submit("j", bytes("job"));
      worker.complete(worker.take(BLOCK).orElseThrow(), bytes("r"));
    }

    batch.close();

    assertThat(queue.plan("ev-1")).isEmpty();
    assertThat(fixture.raw().keys(bytes("rehearsal:{jobs:test}:*")))
        .extracting(StoreFixture::text)
        .containsExactly("rehearsal:{jobs:test}:stream");
  }

  @Test
  void shouldRejectBadNamesWhenOpening() {
    assertThatThrownBy(() -> queue.open("bad id", bytes("p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad id'");
    assertThatThrownBy(() -> queue.consumer("w", Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minIdle");
  }
}
