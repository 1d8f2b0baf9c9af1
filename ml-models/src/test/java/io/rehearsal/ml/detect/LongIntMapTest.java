package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void shouldAgreeWithAHashMapWhenManyKeysCollideAndTheTableGrows() {
    LongIntMap map = new LongIntMap(2);
    Map<Long, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      // keys spaced by a power of two collide in the low bits; negative and extreme keys too
      long key =
          switch (i % 4) {
            case 0 -> (long) random.nextInt(3_000) << 32;
            case 1 -> -random.nextInt(3_000);
            case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> random.nextLong();
          };
      int value = random.nextInt(1_000_000);
      map.put(key, value);
      expected.put(key, value);
    }
    assertThat(map.size()).isEqualTo(expected.size());
    expected.forEach((k, v) -> assertThat(map.get(k)).as("key %d", k).isEqualTo(v));
    assertThat(map.get(12_345L)).isEqualTo(expected.getOrDefault(12_345L, -1));
  }

  @Test
  void shouldForgetEveryKeyWhenCleared() {
    LongIntMap map = new LongIntMap();
    for (long k = 0; k < 100; k++) {
      map.put(k * 64, (int) k);
    }
    map.clear();
    assertThat(map.size()).isZero();
    assertThat(map.get(64)).isEqualTo(-1);
    map.put(64, 3);
    assertThat(map.get(64)).isEqualTo(3);
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void shouldRefuseANegativeValueWhenPut() {
    assertThatThrownBy(() -> new LongIntMap().put(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative, but was -1");
  }
}
