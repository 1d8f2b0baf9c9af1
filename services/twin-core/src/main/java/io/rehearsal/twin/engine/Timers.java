package io.rehearsal.twin.engine;

/**
 * A small indexed min-heap of timers, one per id in [0, n), each either unset or due at a (time,
 * order) key taken from the {@link EventQueue}'s sequence. The simulation loop merges it with the
 * event queue, so a timer fires exactly where an event with the same key would have.
 *
 * <p>It holds what would otherwise leave stale events behind in the event queue: the next CPU
 * completion of each saturated host or capped replica (moved whenever its set of jobs changes, see
 * {@link CpuHosts}) and the earliest pending call timeout of each call (see {@link TimeoutRings}).
 * Setting a timer moves it in place; nothing is allocated. Each heap position keeps its timer's key
 * next to its id, so sifting compares keys without following ids.
 */
final class Timers {
  private int[] heap;
  private long[] heapTime;
  private long[] heapOrder;
  private int[] position;
  private int size;

  Timers(int ids) {
    heap = new int[ids];
    heapTime = new long[ids];
    heapOrder = new long[ids];
    position = new int[ids];
    java.util.Arrays.fill(position, -1);
  }

  /** Makes room for ids up to {@code ids - 1} (replicas come and go during a run). */
  void ensure(int ids) {
    int old = position.length;
    if (ids > old) {
      int n = Math.max(ids, old * 2);
      heap = java.util.Arrays.copyOf(heap, n);
      heapTime = java.util.Arrays.copyOf(heapTime, n);
      heapOrder = java.util.Arrays.copyOf(heapOrder, n);
      position = java.util.Arrays.copyOf(position, n);
      java.util.Arrays.fill(position, old, n, -1);
    }
  }

  /** Sets (or moves) timer {@code id} to fire at {@code at} with {@code orderWord}. */
  void set(int id, double at, long orderWord) {
    if (!(at >= 0)) {
      throw new IllegalArgumentException("timer time must be >= 0, but was " + at);
    }
    int p = position[id];
    if (p < 0) {
      p = size++;
    }
    sift(p, id, EventQueue.bits(at), orderWord);
  }

  /** Unsets timer {@code id} (no effect if it is not set). */
  void remove(int id) {
    int p = position[id];
    if (p < 0) {
      return;
    }
    position[id] = -1;
    int last = --size;
    if (p != last) {
      sift(p, heap[last], heapTime[last], heapOrder[last]);
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The id of the earliest timer; the heap must not be empty. */
  int first() {
    return heap[0];
  }

  /** Time of the earliest timer. */
  double firstTime() {
    return Double.longBitsToDouble(heapTime[0]);
  }

  /** Time bits of the earliest timer; {@code Long.MAX_VALUE}, after every time, if none is set. */
  long firstKeyTime() {
    return size == 0 ? Long.MAX_VALUE : heapTime[0];
  }

  /** Order word of the earliest timer; {@code Long.MAX_VALUE} if none is set. */
  long firstKeyOrder() {
    return size == 0 ? Long.MAX_VALUE : heapOrder[0];
  }

  boolean isSet(int id) {
    return position[id] >= 0;
  }

  /**
   * Puts timer {@code id} with key ({@code time}, {@code order}) into the hole at {@code p}: up
   * past later parents, else down past earlier children.
   */
  private void sift(int p, int id, long time, long order) {
    int start = p;
    while (p > 0) {
      int parent = (p - 1) >>> 1;
      long pt = heapTime[parent];
      if (pt < time || (pt == time && heapOrder[parent] < order)) {
        break;
      }
      move(parent, p);
      p = parent;
    }
    if (p == start) {
      while (true) {
        int child = 2 * p + 1;
        if (child >= size) {
          break;
        }
        long ct = heapTime[child];
        if (child + 1 < size) {
          long rt = heapTime[child + 1];
          if (rt < ct || (rt == ct && heapOrder[child + 1] < heapOrder[child])) {
            child++;
            ct = rt;
          }
        }
        if (time < ct || (time == ct && order < heapOrder[child])) {
          break;
        }
        move(child, p);
        p = child;
      }
    }
    heap[p] = id;
    heapTime[p] = time;
    heapOrder[p] = order;
    position[id] = p;
  }

  private void move(int from, int to) {
    int id = heap[from];
    heap[to] = id;
    heapTime[to] = heapTime[from];
    heapOrder[to] = heapOrder[from];
    position[id] = to;
  }
}
