package io.rehearsal.ml.detect;

import java.util.Arrays;

/**
 * A map from small non-negative int keys to int values that iterates in the slot order of an
 * open-addressing table grown and probed the way CPython 2.7's dict is (start at 8 slots, probe
 * {@code i = 5i + perturb + 1} with {@code perturb >>= 5}, grow to more than four times the entries
 * once two thirds of the slots are used). CAD OSE walks its contexts in that order, and the order
 * decides which new contexts are made first and so their numbers; keeping it lets this port give
 * the reference results row for row. Insert-only, as the algorithm never forgets.
 */
final class SlotOrderedMap {

  private static final int MIN_SIZE = 8;
  private static final int PERTURB_SHIFT = 5;
  private static final int EMPTY = -1;

  private int[] keys = emptyTable(MIN_SIZE);
  private int[] values = new int[MIN_SIZE];
  private int used;

  /** The value of {@code key}, or {@code value} after storing it when the key is new. */
  int putIfAbsent(int key, int value) {
    int slot = slot(keys, key);
    if (keys[slot] == key) {
      return values[slot];
    }
    keys[slot] = key;
    values[slot] = value;
    used++;
    if (used * 3 >= keys.length * 2) {
      resize(4 * used);
    }
    return value;
  }

  /** The value of {@code key}, or -1 when it has none. */
  int get(int key) {
    int slot = slot(keys, key);
    return keys[slot] == key ? values[slot] : -1;
  }

  /** Number of entries. */
  int size() {
    return used;
  }

  /** Slots in table order; a slot holds an entry when {@link #keyAt} is not negative. */
  int capacity() {
    return keys.length;
  }

  int keyAt(int slot) {
    return keys[slot];
  }

  int valueAt(int slot) {
    return values[slot];
  }

  /**
   * Replaces the value of the entry in {@code slot} (a slot where {@link #keyAt} is not negative).
   */
  void setValueAt(int slot, int value) {
    values[slot] = value;
  }

  private void resize(int minUsed) {
    int size = MIN_SIZE;
    while (size <= minUsed) {
      size <<= 1;
    }
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = emptyTable(size);
    values = new int[size];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(keys, oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /**
   * The slot holding {@code key}, or the empty slot where it goes (the hash of an int is itself).
   */
  private static int slot(int[] table, int key) {
    long mask = table.length - 1;
    long i = key & mask;
    long perturb = key;
    while (table[(int) (i & mask)] != EMPTY && table[(int) (i & mask)] != key) {
      i = (i << 2) + i + perturb + 1;
      perturb >>>= PERTURB_SHIFT;
    }
    return (int) (i & mask);
  }

  private static int[] emptyTable(int size) {
    int[] t = new int[size];
    Arrays.fill(t, EMPTY);
    return t;
  }
}
