package io.rehearsal.shop.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private long now = 1_000_000_000L;

  @Test
  void shouldAdmitBurstThenRefuseWhenBucketIsEmpty() {
    TokenBucket bucket = new TokenBucket(10, 5, () -> now);

    int admitted = 0;
    for (int i = 0; i < 8; i++) {
      admitted += bucket.tryAcquire() ? 1 : 0;
    }

    assertThat(admitted).isEqualTo(5);
  }

  @Test
  void shouldAdmitAtItsRateWhenOfferedMoreThanTheRate() {
    TokenBucket bucket = new TokenBucket(20, 5, () -> now);

    int admitted = 0;
    for (int i = 0; i < 1000; i++) { // 100 requests per second for 10 seconds
      admitted += bucket.tryAcquire() ? 1 : 0;
      now += 10_000_000L;
    }

    assertThat(admitted).isBetween(5 + 200 - 1, 5 + 200 + 1);
  }

  @Test
  void shouldNotStoreMoreThanBurstWhenIdle() {
    TokenBucket bucket = new TokenBucket(100, 3, () -> now);
    now += 60_000_000_000L;

    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      admitted += bucket.tryAcquire() ? 1 : 0;
    }

    assertThat(admitted).isEqualTo(3);
  }

  @Test
  void shouldRejectConfigurationWhenRateIsNotPositive() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, () -> now))
        .hasMessageContaining("rate must be > 0 and burst >= 1, but were 0.0 and 1");
  }
}
