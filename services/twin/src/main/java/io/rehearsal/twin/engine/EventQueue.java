package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, priority, insertion sequence), so that equal-time
 * events are processed in a reproducible order. Pushing and popping allocate nothing; the arrays
 * double when full.
 *
 * <p>The heap holds only the time's bits (the four children of a node share one or two cache lines)
 * and the index of the event's slot in a pool that never moves; a slot holds the order word
 * (priority in the top bits, then the sequence number) and the payload (a kind and three int
 * arguments, side by side in one {@code int[]}). Times are non-negative, so their IEEE bits compare
 * like the times themselves; the order word is read only when two times are equal, which is rare.
 *
 * <p>Most events schedule another as they are handled, so {@link #pop()} leaves the popped root in
 * place and the next push takes its place and sifts down from the top: one sift instead of two (a
 * sift down to remove the root and a sift up to insert). Any other operation first completes the
 * removal. The order of (time, priority, sequence) keys is total, so the events come out in the
 * same order either way.
 *
 * <p>After {@link #pop()}, the popped event is read through {@link #time()}, {@link #kind()},
 * {@link #a()}, {@link #b()} and {@link #c()}. {@link #nextOrder} hands out an order word without
 * pushing, for event sources kept outside the heap (see {@link Timers}) that must interleave with
 * it exactly as if they had been pushed.
 */
final class EventQueue {
  private static final int SEQUENCE_BITS = 56;
  private static final int ARITY = 4;
  private static final int FIELDS = 4;

  private long[] times;
  private int[] ref;
  private int size;
  private long[] orders;
  private int[] payload;
  private int[] free;
  private int freeCount;
  private long sequence;
  private double topTime;
  private int topKind;
  private int topA;
  private int topB;
  private int topC;
  private boolean rootPopped;

  EventQueue(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    times = new long[capacity];
    ref = new int[capacity];
    orders = new long[capacity];
    payload = new int[capacity * FIELDS];
    free = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      free[i] = capacity - 1 - i;
    }
    freeCount = capacity;
  }

  /** Adds an event; {@code priority} in [0, 255], lower first among equal times. */
  void push(double time, int priority, int kind, int a, int b, int c) {
    pushOrdered(time, nextOrder(priority), kind, a, b, c);
  }

  /** Takes the next order word for {@code priority}, as {@link #push} would. */
  long nextOrder(int priority) {
    return ((long) priority << SEQUENCE_BITS) | sequence++;
  }

  /** Adds an event with an order word from {@link #nextOrder}; {@code time} must be >= 0. */
  void pushOrdered(double time, long order, int kind, int a, int b, int c) {
    if (!(time >= 0)) {
      throw new IllegalArgumentException("event time must be >= 0, but was " + time);
    }
    if (freeCount == 0) {
      grow();
    }
    int slot = free[--freeCount];
    orders[slot] = order;
    int p = slot * FIELDS;
    payload[p] = kind;
    payload[p + 1] = a;
    payload[p + 2] = b;
    payload[p + 3] = c;
    if (rootPopped) {
      rootPopped = false;
      siftDown(bits(time), slot);
    } else {
      siftUp(size++, bits(time), slot);
    }
  }

  /** Removes the earliest event and makes it readable; the queue must not be empty. */
  void pop() {
    settle();
    int slot = ref[0];
    topTime = Double.longBitsToDouble(times[0]);
    int p = slot * FIELDS;
    topKind = payload[p];
    topA = payload[p + 1];
    topB = payload[p + 2];
    topC = payload[p + 3];
    free[freeCount++] = slot;
    rootPopped = true;
  }

  /** Completes the removal of a popped root that no push has replaced. */
  private void settle() {
    if (rootPopped) {
      rootPopped = false;
      int last = --size;
      if (last > 0) {
        siftDown(times[last], ref[last]);
      }
    }
  }

  /** Whether the earliest event sorts before a key (time bits, order) held elsewhere. */
  boolean before(long timeBits, long order) {
    settle();
    long t = times[0];
    return t < timeBits || (t == timeBits && orders[ref[0]] < order);
  }

  /** The IEEE bits of a non-negative time ({@code -0.0} folded into {@code 0.0}). */
  static long bits(double time) {
    return Double.doubleToRawLongBits(time + 0.0);
  }

  /** Whether entry (t1, slot s1) sorts before (t2, s2); orders are read only on equal times. */
  private boolean less(long t1, int s1, long t2, int s2) {
    return t1 < t2 || (t1 == t2 && orders[s1] < orders[s2]);
  }

  private void siftUp(int i, long time, int slot) {
    long[] t = times;
    int[] r = ref;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = t[parent];
      if (less(pt, r[parent], time, slot)) {
        break;
      }
      t[i] = pt;
      r[i] = r[parent];
      i = parent;
    }
    t[i] = time;
    r[i] = slot;
  }

  private void siftDown(long time, int slot) {
    long[] t = times;
    int[] r = ref;
    int n = size;
    int i = 0;
    while (true) {
      int first = ARITY * i + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = t[first];
      int end = Math.min(first + ARITY, n);
      for (int c = first + 1; c < end; c++) {
        long ct = t[c];
        if (ct < bt || (ct == bt && orders[r[c]] < orders[r[best]])) {
          best = c;
          bt = ct;
        }
      }
      if (less(time, slot, bt, r[best])) {
        break;
      }
      t[i] = bt;
      r[i] = r[best];
      i = best;
    }
    t[i] = time;
    r[i] = slot;
  }

  boolean isEmpty() {
    settle();
    return size == 0;
  }

  int size() {
    settle();
    return size;
  }

  double peekTime() {
    settle();
    return Double.longBitsToDouble(times[0]);
  }

  double time() {
    return topTime;
  }

  int kind() {
    return topKind;
  }

  int a() {
    return topA;
  }

  int b() {
    return topB;
  }

  int c() {
    return topC;
  }

  private void grow() {
    int old = orders.length;
    int capacity = old * 2;
    times = Arrays.copyOf(times, capacity);
    ref = Arrays.copyOf(ref, capacity);
    orders = Arrays.copyOf(orders, capacity);
    payload = Arrays.copyOf(payload, capacity * FIELDS);
    free = Arrays.copyOf(free, capacity);
    for (int i = capacity - 1; i >= old; i--) {
      free[freeCount++] = i;
    }
  }
}
