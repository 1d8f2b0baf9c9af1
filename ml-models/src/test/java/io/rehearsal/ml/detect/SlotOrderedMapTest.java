package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotOrderedMapTest {

  @Test
  void shouldIterateCollidingKeysInTheOrderTheyFoundSlotsWhenTheTableIsSmall() {
    // CPython 2.7: {8: a, 0: b} lists 8 first (8 takes slot 0, 0 probes on to slot 1).
    assertThat(keys(8, 0)).containsExactly(8, 0);
    assertThat(keys(0, 8)).containsExactly(0, 8);
  }

  @Test
  void shouldIterateInKeyOrderWhenTheTableHasGrownPastTheKeys() {
    int[] descending = new int[26];
    for (int i = 0; i < descending.length; i++) {
      descending[i] = 25 - i;
    }
    List<Integer> keys = keys(descending);
    assertThat(keys).hasSize(26).isSorted();
  }

  @Test
  void shouldKeepTheFirstValueWhenAKeyIsPutAgain() {
    SlotOrderedMap map = new SlotOrderedMap();
    assertThat(map.putIfAbsent(3, 10)).isEqualTo(10);
    assertThat(map.putIfAbsent(3, 11)).isEqualTo(10);
    assertThat(map.size()).isEqualTo(1);
  }

  private static List<Integer> keys(int... inserted) {
    SlotOrderedMap map = new SlotOrderedMap();
    for (int k : inserted) {
      map.putIfAbsent(k, k);
    }
    List<Integer> out = new ArrayList<>();
    for (int slot = 0; slot < map.capacity(); slot++) {
      if (map.keyAt(slot) >= 0) {
        out.add(map.keyAt(slot));
      }
    }
    return out;
  }
}
