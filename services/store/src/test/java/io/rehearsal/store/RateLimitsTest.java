package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.store.RateLimits.Budget;
import io.rehearsal.store.RateLimits.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  @BeforeEach
  void open(StoreFixture fixture) {
    limits = fixture.store.rateLimits();
  }

  @Test
  void shouldGiveBurstThenRefuseWithTimeToNextTokenWhenBucketIsEmpty() {
    for (int i = 0; i < 3; i++) {
      assertThat(limits.take(List.of(PAYMENT), T0, unique()).available()).isTrue();
    }

    Budget fourth = limits.take(List.of(PAYMENT), T0.plusSeconds(60), unique());

    assertThat(fourth.available()).isFalse();
    assertThat(fourth.exhausted()).contains(PAYMENT);
    assertThat(fourth.retryAfter()).isEqualTo(Duration.ofMinutes(19));
  }

  @Test
  void shouldRefillOneTokenPerWindowOverBurstWhenTimePasses() {
    for (int i = 0; i < 3; i++) {
      limits.take(List.of(PAYMENT), T0, unique());
    }

    assertThat(limits.take(List.of(PAYMENT), T0.plus(Duration.ofMinutes(19)), unique()).available())
        .isFalse();
    assertThat(limits.take(List.of(PAYMENT), T0.plus(Duration.ofMinutes(20)), unique()).available())
        .isTrue();
    assertThat(limits.take(List.of(PAYMENT), T0.plus(Duration.ofMinutes(21)), unique()).available())
        .isFalse();
  }

  @Test
  void shouldTakeNothingFromAnyBucketWhenOneIsEmpty() {
    RateLimit catalog = new RateLimit("target:catalog", 3, Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      limits.take(List.of(PAYMENT, GLOBAL), T0, unique());
    }

    Budget refused = limits.take(List.of(GLOBAL, PAYMENT), T0, unique());

    assertThat(refused.exhausted()).contains(PAYMENT);
    assertThat(limits.take(List.of(catalog, GLOBAL), T0, unique()).available()).isTrue();
    assertThat(limits.take(List.of(catalog, GLOBAL), T0, unique()).available()).isTrue();
    Budget globalGone = limits.take(List.of(catalog, GLOBAL), T0, unique());
    assertThat(globalGone.exhausted()).contains(GLOBAL);
    assertThat(limits.peek(List.of(catalog), T0).available()).isTrue();
  }

  @Test
  void shouldNotTakeAnythingWhenPeeking() {
    for (int i = 0; i < 10; i++) {
      assertThat(limits.peek(List.of(PAYMENT), T0).available()).isTrue();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(limits.take(List.of(PAYMENT), T0, unique()).available()).isTrue();
    }
    assertThat(limits.peek(List.of(PAYMENT), T0).available()).isFalse();
  }

  @Test
  void shouldRefillNothingWhenTheClockGoesBackwards() {
    for (int i = 0; i < 3; i++) {
      limits.take(List.of(PAYMENT), T0, unique());
    }

    assertThat(limits.take(List.of(PAYMENT), T0.minus(Duration.ofHours(5)), unique()).available())
        .isFalse();
  }

  @Test
  void shouldGiveExactlyBurstTokensWhenCallersRace() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> takers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        takers.add(pool.submit(() -> limits.take(List.of(GLOBAL), T0, unique()).available()));
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

  @Test
  void shouldSpendOneTokenWhenOneTakerTriesManyTimes() {
    for (int i = 0; i < 10; i++) {
      assertThat(limits.take(List.of(PAYMENT), T0, "dec-1").available()).isTrue();
    }

    assertThat(limits.take(List.of(PAYMENT), T0, "dec-2").available()).isTrue();
    assertThat(limits.take(List.of(PAYMENT), T0, "dec-3").available()).isTrue();
    assertThat(limits.take(List.of(PAYMENT), T0, "dec-4").available()).isFalse();
  }

  private final java.util.concurrent.atomic.AtomicInteger taken =
      new java.util.concurrent.atomic.AtomicInteger();

  private String unique() {
    return "taker-" + taken.incrementAndGet();
  }

  @Test
  void shouldNameTheFieldWhenALimitIsInvalid() {
    assertThatThrownBy(() -> new RateLimit("global", 0, Duration.ofHours(1)))
        .hasMessage("burst must be at least 1, but was 0");
    assertThatThrownBy(() -> new RateLimit("no spaces", 1, Duration.ofHours(1)))
        .hasMessageContaining("scope must be");
  }
}
