package io.rehearsal.ml.detect;

import java.util.Arrays;

/**
 * The contexts sharing one left semi-context, keyed by their right semi-context's number, with
 * their counters stored inline: one flat {@code long} array, {@link #STRIDE} longs per context, in
 * the order CAD OSE walks them ({@link SlotOrderedMap}'s CPython 2.7 dict order, kept by re-laying
 * the array out at each insertion, which is rare next to the walks). A step's walk over a left
 * semi-context's contexts then reads memory in sequence instead of chasing one object per context.
 *
 * <p>Entry {@code e} occupies {@code entries[STRIDE * e ...]}: the right semi-context's number and
 * the context's number (high and low 32 bits), how often it was selected (facts counted), how often
 * right (facts matched), and its activations times two plus 1 when it is zero-level.
 */
final class ContextTable {

  static final int STRIDE = 4;
  static final int KEY_AND_ID = 0;
  static final int SELECTED = 1;
  static final int MATCHED = 2;
  static final int FLAGS = 3;

  private final SlotOrderedMap order = new SlotOrderedMap(); // right number -> entry index
  long[] entries = new long[STRIDE * 4];
  int size;

  /** Entry index of the context with this right semi-context, or -1. */
  int find(int rightId) {
    int e = order.get(rightId);
    return e;
  }

  /**
   * Adds a context; the caller checked with {@link #find} that its right side is new here.
   *
   * @return its entry index
   */
  int insert(int rightId, int id, boolean zeroLevel) {
    int added = size;
    order.putIfAbsent(rightId, added);
    long[] out = new long[Math.max(entries.length, STRIDE * Integer.highestOneBit(2 * size + 1))];
    int e = 0;
    int result = -1;
    for (int slot = 0; slot < order.capacity(); slot++) {
      if (order.keyAt(slot) < 0) {
        continue;
      }
      int from = order.valueAt(slot);
      if (from == added) {
        out[STRIDE * e + KEY_AND_ID] = ((long) rightId << 32) | (id & 0xFFFF_FFFFL);
        out[STRIDE * e + FLAGS] = zeroLevel ? 1 : 0;
        result = e;
      } else {
        System.arraycopy(entries, STRIDE * from, out, STRIDE * e, STRIDE);
      }
      order.setValueAt(slot, e);
      e++;
    }
    entries = out;
    size++;
    return result;
  }

  static int rightId(long keyAndId) {
    return (int) (keyAndId >>> 32);
  }

  static int id(long keyAndId) {
    return (int) keyAndId;
  }

  /** Number of contexts. */
  int size() {
    return size;
  }

  /** The context numbers in walk order (for tests). */
  int[] ids() {
    int[] out = new int[size];
    for (int e = 0; e < size; e++) {
      out[e] = id(entries[STRIDE * e + KEY_AND_ID]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "ContextTable" + Arrays.toString(ids());
  }
}
