package io.rehearsal.twin.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamFactoryTest {

  @Test
  void shouldGiveEqualStreamsWhenSeedReplicationAndNameAreEqual() {
    RandomStream a = new StreamFactory(42, 3).stream("arrivals:shop/GET /");
    RandomStream b = new StreamFactory(42, 3).stream("arrivals:shop/GET /");
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
  }

  @Test
  void shouldGiveDifferentStreamsWhenAnyKeyPartDiffers() {
    long base = StreamFactory.seedOf(42, 3, "x");
    assertThat(StreamFactory.seedOf(43, 3, "x")).isNotEqualTo(base);
    assertThat(StreamFactory.seedOf(42, 4, "x")).isNotEqualTo(base);
    assertThat(StreamFactory.seedOf(42, 3, "y")).isNotEqualTo(base);
  }

  @Test
  void shouldHashNamesWithFnv1aWhenComputingSeeds() {
    // Published FNV-1a 64 test vectors.
    assertThat(StreamFactory.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(StreamFactory.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(StreamFactory.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void shouldRejectNegativeReplicationWhenCreated() {
    assertThatThrownBy(() -> new StreamFactory(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
