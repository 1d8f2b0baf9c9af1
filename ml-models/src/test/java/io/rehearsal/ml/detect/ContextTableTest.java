package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContextTableTest {

  @Test
  void shouldWalkContextsInTheSlotOrderOfTheDictWhenRightSidesArriveInAnyOrder() {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 50; round++) {
      ContextTable table = new ContextTable();
      SlotOrderedMap dict = new SlotOrderedMap();
      for (int id = 0; id < 40; id++) {
        int right = random.nextInt(200);
        if (table.find(right) < 0) {
          table.insert(right, id, id % 3 == 0);
        }
        dict.putIfAbsent(right, id);
        assertThat(table.ids()).containsExactly(walk(dict));
      }
    }
  }

  @Test
  void shouldKeepEachContextsCountersWhenInsertionsReorderTheEntries() {
    ContextTable table = new ContextTable();
    int[] rights = {8, 0, 16, 3, 24, 5, 40, 1, 9, 33, 2};
    for (int i = 0; i < rights.length; i++) {
      int e = table.insert(rights[i], 100 + i, i % 2 == 0);
      table.entries[ContextTable.STRIDE * e + ContextTable.SELECTED] = 1000L + i;
    }
    for (int i = 0; i < rights.length; i++) {
      int e = table.find(rights[i]);
      long keyAndId = table.entries[ContextTable.STRIDE * e + ContextTable.KEY_AND_ID];
      assertThat(ContextTable.rightId(keyAndId)).isEqualTo(rights[i]);
      assertThat(ContextTable.id(keyAndId)).isEqualTo(100 + i);
      assertThat(table.entries[ContextTable.STRIDE * e + ContextTable.SELECTED])
          .isEqualTo(1000L + i);
      assertThat(table.entries[ContextTable.STRIDE * e + ContextTable.FLAGS] & 1)
          .isEqualTo(i % 2 == 0 ? 1L : 0L);
    }
    assertThat(table.find(7)).isEqualTo(-1);
  }

  private static int[] walk(SlotOrderedMap dict) {
    List<Integer> out = new ArrayList<>();
    for (int slot = 0; slot < dict.capacity(); slot++) {
      if (dict.keyAt(slot) >= 0) {
        out.add(dict.valueAt(slot));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
