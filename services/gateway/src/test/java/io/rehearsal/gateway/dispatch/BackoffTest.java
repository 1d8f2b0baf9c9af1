package io.rehearsal.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2, 0.5);

  @Test
  void shouldGrowExponentiallyUpToTheCapWhenThereIsNoJitter() {
    Backoff exact = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2, 0);
    SplittableRandom random = new SplittableRandom(1);

    assertThat(IntStream.rangeClosed(1, 7).mapToObj(a -> exact.delay(a, random).toMillis()))
        .containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
  }

  @Test
  void shouldStayWithinTheJitterBandAndRepeatWhenSeeded() {
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int attempt = 1; attempt <= 10; attempt++) {
      long full = Math.min(100L << (attempt - 1), 2000L);
      Duration d = backoff.delay(attempt, a);
      assertThat(d.toMillis()).isBetween(full / 2, full);
      assertThat(backoff.delay(attempt, b)).isEqualTo(d);
    }
  }

  @Test
  void shouldNameTheBadValueWhenMisconfigured() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0.5))
        .hasMessageContaining("initial must be positive, but was PT0S");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.5))
        .hasMessageContaining("max must be at least initial");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5))
        .hasMessageContaining("jitter must be in [0, 1], but was 1.5");
  }
}
