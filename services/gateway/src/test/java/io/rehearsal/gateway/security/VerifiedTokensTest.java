package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.gateway.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);

  @Test
  void shouldFindAKeptTokenWhenItHasNotExpired() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(1), clock);
    tokens.keep("a.b.c", "alice", T0.plusSeconds(600));
    clock.advance(Duration.ofSeconds(59));

    assertThat(tokens.find("a.b.c")).contains("alice");
    assertThat(tokens.find("a.b.d")).isEmpty();
  }

  @Test
  void shouldForgetATokenWhenItsExpiryPasses() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofHours(1), clock);
    tokens.keep("a.b.c", "alice", T0.plusSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(tokens.find("a.b.c")).contains("alice");

    clock.advance(Duration.ofSeconds(1));

    assertThat(tokens.find("a.b.c")).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void shouldVerifyAgainWhenMaxAgePassesBeforeExpiry() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(1), clock);
    tokens.keep("a.b.c", "alice", T0.plus(Duration.ofDays(30)));

    clock.advance(Duration.ofMinutes(1));

    assertThat(tokens.find("a.b.c")).as("a key set rotation is seen within max-age").isEmpty();
  }

  @Test
  void shouldKeepNothingWhenTheTokenHasAlreadyExpiredOrCapacityIsZero() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, Duration.ofMinutes(1), clock);
    VerifiedTokens<String> none = new VerifiedTokens<>(0, Duration.ofMinutes(1), clock);

    tokens.keep("a.b.c", "alice", T0);
    none.keep("a.b.c", "alice", T0.plusSeconds(600));

    assertThat(tokens.find("a.b.c")).isEmpty();
    assertThat(none.find("a.b.c")).isEmpty();
  }

  @Test
  void shouldEvictTheLeastRecentlyUsedWhenFull() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(2, Duration.ofMinutes(1), clock);
    tokens.keep("t1", "one", T0.plusSeconds(600));
    tokens.keep("t2", "two", T0.plusSeconds(600));
    tokens.find("t1");

    tokens.keep("t3", "three", T0.plusSeconds(600));

    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.find("t2")).isEmpty();
    assertThat(tokens.find("t1")).contains("one");
    assertThat(tokens.find("t3")).contains("three");
  }

  @Test
  void shouldRefuseANegativeCapacityWhenConstructed() {
    assertThatThrownBy(() -> new VerifiedTokens<>(-1, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
