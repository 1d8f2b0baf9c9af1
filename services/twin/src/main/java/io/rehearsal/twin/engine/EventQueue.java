package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events kept in parallel primitive arrays, ordered by (time, priority,
 * insertion sequence) so that equal-time events are processed in a reproducible order. Pushing and
 * popping allocate nothing; the arrays double when full.
 *
 * <p>An event is a kind and three int arguments. After {@link #pop()}, the popped event is read
 * through {@link #time()}, {@link #kind()}, {@link #a()}, {@link #b()} and {@link #c()}.
 */
final class EventQueue {
  private static final int SEQUENCE_BITS = 56;
  private double[] times;
  private long[] orders;
  private int[] kinds;
  private int[] as;
  private int[] bs;
  private int[] cs;
  private int size;
  private long sequence;
  private double topTime;
  private int topKind;
  private int topA;
  private int topB;
  private int topC;

  EventQueue(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    times = new double[capacity];
    orders = new long[capacity];
    kinds = new int[capacity];
    as = new int[capacity];
    bs = new int[capacity];
    cs = new int[capacity];
  }

  /** Adds an event; {@code priority} in [0, 255], lower first among equal times. */
  void push(double time, int priority, int kind, int a, int b, int c) {
    if (size == times.length) {
      grow();
    }
    long order = ((long) priority << SEQUENCE_BITS) | sequence++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(time, order, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, time, order, kind, a, b, c);
  }

  /** Removes the earliest event and makes it readable; the queue must not be empty. */
  void pop() {
    topTime = times[0];
    topKind = kinds[0];
    topA = as[0];
    topB = bs[0];
    topC = cs[0];
    int last = --size;
    if (last > 0) {
      siftDown(last);
    }
  }

  private void siftDown(int last) {
    double time = times[last];
    long order = orders[last];
    int kind = kinds[last];
    int a = as[last];
    int b = bs[last];
    int c = cs[last];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && earlier(right, child)) {
        child = right;
      }
      if (!less(times[child], orders[child], time, order)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, time, order, kind, a, b, c);
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  double peekTime() {
    return times[0];
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

  private boolean less(double time, long order, int j) {
    return less(time, order, times[j], orders[j]);
  }

  private boolean earlier(int i, int j) {
    return less(times[i], orders[i], times[j], orders[j]);
  }

  private static boolean less(double t1, long o1, double t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }

  private void move(int from, int to) {
    set(to, times[from], orders[from], kinds[from], as[from], bs[from], cs[from]);
  }

  private void set(int i, double time, long order, int kind, int a, int b, int c) {
    times[i] = time;
    orders[i] = order;
    kinds[i] = kind;
    as[i] = a;
    bs[i] = b;
    cs[i] = c;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    orders = Arrays.copyOf(orders, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    as = Arrays.copyOf(as, capacity);
    bs = Arrays.copyOf(bs, capacity);
    cs = Arrays.copyOf(cs, capacity);
  }
}
