package io.rehearsal.ml.detect;

import java.util.Arrays;

/**
 * A map from any {@code long} key to a non-negative {@code int} value, open addressing with linear
 * probing over flat arrays: no boxing and no allocation except when it grows. {@link #get} answers
 * -1 for a missing key. Used by CAD OSE's memory to find a semi-context by the hash of its facts
 * and the list of semi-contexts holding a fact.
 */
final class LongIntMap {

  private static final int MISSING = -1;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap() {
    this(16);
  }

  /**
   * @param expected entries it holds before it grows
   */
  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, MISSING);
  }

  /** The value of {@code key}, or -1 when it has none. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int i = index(key, mask); ; i = (i + 1) & mask) {
      if (values[i] == MISSING) {
        return MISSING;
      }
      if (keys[i] == key) {
        return values[i];
      }
    }
  }

  /**
   * Stores {@code value} for {@code key}, replacing any value it had.
   *
   * @throws IllegalArgumentException when the value is negative
   */
  void put(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must not be negative, but was " + value);
    }
    int mask = keys.length - 1;
    int i = index(key, mask);
    while (values[i] != MISSING && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == MISSING) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
    if (2 * size > keys.length) {
      grow();
    }
  }

  /** Number of keys. */
  int size() {
    return size;
  }

  /** Removes every key, keeping the capacity. */
  void clear() {
    if (size > 0) {
      Arrays.fill(values, MISSING);
      size = 0;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, MISSING);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != MISSING) {
        int i = index(oldKeys[j], mask);
        while (values[i] != MISSING) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int index(long key, int mask) {
    long h = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
