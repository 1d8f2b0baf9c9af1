package io.rehearsal.twin.engine;

/**
 * A small indexed min-heap of timers, one per id in [0, n), each either unset or due at a (time,
 * order) key taken from the {@link EventQueue}'s sequence. The simulation loop merges it with the
 * event queue, so a timer fires exactly where an event with the same key would have.
 *
 * <p>It holds what would otherwise leave stale events behind in the event queue: the next CPU
 * completion of each saturated host or capped replica (moved whenever its set of jobs changes, see
 * {@link CpuHosts}) and the earliest pending call timeout of each call (see {@link TimeoutRings}).
 * Setting a timer moves it in place; nothing is allocated.
 */
final class Timers {
  private long[] time;
  private long[] order;
  private int[] heap;
  private int[] position;
  private int size;
  private long firstTime;
  private long firstOrder;

  Timers(int ids) {
    time = new long[ids];
    order = new long[ids];
    heap = new int[ids];
    position = new int[ids];
    java.util.Arrays.fill(position, -1);
  }

  /** Makes room for ids up to {@code ids - 1} (replicas come and go during a run). */
  void ensure(int ids) {
    int old = time.length;
    if (ids > old) {
      int n = Math.max(ids, old * 2);
      time = java.util.Arrays.copyOf(time, n);
      order = java.util.Arrays.copyOf(order, n);
      heap = java.util.Arrays.copyOf(heap, n);
      position = java.util.Arrays.copyOf(position, n);
      java.util.Arrays.fill(position, old, n, -1);
    }
  }

  /** Sets (or moves) timer {@code id} to fire at {@code at} with {@code orderWord}. */
  void set(int id, double at, long orderWord) {
    if (!(at >= 0)) {
      throw new IllegalArgumentException("timer time must be >= 0, but was " + at);
    }
    time[id] = EventQueue.bits(at);
    order[id] = orderWord;
    int p = position[id];
    if (p < 0) {
      p = size++;
      heap[p] = id;
      position[id] = p;
    }
    siftDown(siftUp(p));
    cacheFirst();
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
      int moved = heap[last];
      heap[p] = moved;
      position[moved] = p;
      siftDown(siftUp(p));
    }
    cacheFirst();
  }

  /** Keeps the earliest timer's key at hand: the simulation loop reads it before every event. */
  private void cacheFirst() {
    if (size > 0) {
      int id = heap[0];
      firstTime = time[id];
      firstOrder = order[id];
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
    return Double.longBitsToDouble(firstTime);
  }

  /** Whether the earliest timer sorts before the earliest event of {@code events}. */
  boolean before(EventQueue events) {
    return events.isEmpty() || !events.before(firstTime, firstOrder);
  }

  boolean isSet(int id) {
    return position[id] >= 0;
  }

  private boolean less(int a, int b) {
    return time[a] < time[b] || (time[a] == time[b] && order[a] < order[b]);
  }

  private int siftUp(int p) {
    int id = heap[p];
    while (p > 0) {
      int parent = (p - 1) >>> 1;
      if (!less(id, heap[parent])) {
        break;
      }
      place(heap[parent], p);
      p = parent;
    }
    place(id, p);
    return p;
  }

  private void siftDown(int p) {
    int id = heap[p];
    while (true) {
      int child = 2 * p + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && less(heap[child + 1], heap[child])) {
        child++;
      }
      if (!less(heap[child], id)) {
        break;
      }
      place(heap[child], p);
      p = child;
    }
    place(id, p);
  }

  private void place(int id, int p) {
    heap[p] = id;
    position[id] = p;
  }
}
