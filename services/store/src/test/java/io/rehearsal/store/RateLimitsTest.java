package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.store.RateLimits.Budget;
import io.rehearsal.store.RateLimits.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreExtension.class)
class RateLimitsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
  private static final RateLimit PAYMENT = new RateLimit("target:payment", 3, Duration.ofHours(1));
  private static final RateLimit GLOBAL = new RateLimit("global", 5, Duration.ofHours(1));

  private RateLimits limits;
  private DecisionJournal journal;

  @BeforeEach
  void open(StoreFixture fixture) {
    limits = fixture.store.rateLimits();
    journal = fixture.store.journal();
  }

  /**
   * Takes a token from each of {@code buckets} the way the gateway does: with the create of a new
   * decision, which is written only when every bucket had one.
   */
  private Budget take(List<RateLimit> buckets, Instant now) {
    WriteResult result =
        Reads.await(
                journal.createAsync(
                    "dec-" + taken.incrementAndGet(),
                    new byte[] {1},
                    new byte[] {2},
                    DecisionJournal.OutboxOp.NONE,
                    0,
                    ActionHistory.Change.NONE,
                    Optional.of(new RateLimits.Take(buckets, now))))
            .result();
    return result instanceof WriteResult.OverBudget over
        ? over.budget()
        : new Budget(result.applied(), Optional.empty(), Duration.ZERO);
  }

  @Test
  void shouldGiveBurstThenRefuseWithTimeToNextTokenWhenBucketIsEmpty() {
    for (int i = 0; i < 3; i++) {
      assertThat(take(List.of(PAYMENT), T0).available()).isTrue();
    }

    Budget fourth = take(List.of(PAYMENT), T0.plusSeconds(60));

    assertThat(fourth.available()).isFalse();
    assertThat(fourth.exhausted()).contains(PAYMENT);
    assertThat(fourth.retryAfter()).isEqualTo(Duration.ofMinutes(19));
  }

  @Test
  void shouldRefillOneTokenPerWindowOverBurstWhenTimePasses() {
    for (int i = 0; i < 3; i++) {
      take(List.of(PAYMENT), T0);
    }

    assertThat(take(List.of(PAYMENT), T0.plus(Duration.ofMinutes(19))).available()).isFalse();
    assertThat(take(List.of(PAYMENT), T0.plus(Duration.ofMinutes(20))).available()).isTrue();
    assertThat(take(List.of(PAYMENT), T0.plus(Duration.ofMinutes(21))).available()).isFalse();
  }

  @Test
  void shouldTakeNothingFromAnyBucketWhenOneIsEmpty() {
    RateLimit catalog = new RateLimit("target:catalog", 3, Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      take(List.of(PAYMENT, GLOBAL), T0);
    }

    Budget refused = take(List.of(GLOBAL, PAYMENT), T0);

    assertThat(refused.exhausted()).contains(PAYMENT);
    assertThat(take(List.of(catalog, GLOBAL), T0).available()).isTrue();
    assertThat(take(List.of(catalog, GLOBAL), T0).available()).isTrue();
    Budget globalGone = take(List.of(catalog, GLOBAL), T0);
    assertThat(globalGone.exhausted()).contains(GLOBAL);
    assertThat(limits.peek(List.of(catalog), T0).available()).isTrue();
  }

  @Test
  void shouldNotTakeAnythingWhenPeeking() {
    for (int i = 0; i < 10; i++) {
      assertThat(limits.peek(List.of(PAYMENT), T0).available()).isTrue();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(take(List.of(PAYMENT), T0).available()).isTrue();
    }
    assertThat(limits.peek(List.of(PAYMENT), T0).available()).isFalse();
  }

  @Test
  void shouldRefillNothingWhenTheClockGoesBackwards() {
    for (int i = 0; i < 3; i++) {
      take(List.of(PAYMENT), T0);
    }

    assertThat(take(List.of(PAYMENT), T0.minus(Duration.ofHours(5))).available()).isFalse();
  }

  @Test
  void shouldGiveExactlyBurstTokensWhenCallersRace() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> takers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        takers.add(pool.submit(() -> take(List.of(GLOBAL), T0).available()));
      }
      int granted = 0;
      for (Future<Boolean> taker : takers) {
        granted += taker.get() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  private final java.util.concurrent.atomic.AtomicInteger taken =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void shouldNameTheFieldWhenALimitIsInvalid() {
    assertThatThrownBy(() -> new RateLimit("global", 0, Duration.ofHours(1)))
        .hasMessage("burst must be at least 1, but was 0");
    assertThatThrownBy(() -> new RateLimit("no spaces", 1, Duration.ofHours(1)))
        .hasMessageContaining("scope must be");
  }
}
