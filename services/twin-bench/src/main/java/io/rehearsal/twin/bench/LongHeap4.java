package io.rehearsal.twin.bench;

import java.util.Arrays;

/**
 * A 4-ary min-heap of {@code long}s: the lean simulator's event list, one long per event (time in
 * the high bits, a request id in the low bits), so that ordering events is comparing longs.
 */
final class LongHeap4 {
  private long[] heap;
  private int size;

  LongHeap4(int initialCapacity) {
    heap = new long[Math.max(16, initialCapacity)];
  }

  void push(long value) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    long[] h = heap;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long p = h[parent];
      if (p <= value) {
        break;
      }
      h[i] = p;
      i = parent;
    }
    h[i] = value;
  }

  /** Removes and returns the smallest value; the heap must not be empty. */
  long pop() {
    long[] h = heap;
    long top = h[0];
    int n = --size;
    if (n > 0) {
      siftDown(h, h[n], n);
    }
    return top;
  }

  private static void siftDown(long[] h, long value, int n) {
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long min = h[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        if (h[c] < min) {
          min = h[c];
          best = c;
        }
      }
      if (value <= min) {
        break;
      }
      h[i] = min;
      i = best;
    }
    h[i] = value;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }
}
