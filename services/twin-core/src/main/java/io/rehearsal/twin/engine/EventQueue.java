package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * The events of a run, popped in (time, priority, insertion sequence) order, so that equal-time
 * events are processed in a reproducible order. Pushing and popping allocate nothing; the arrays
 * double when full.
 *
 * <p>An event lives in a slot of a pool that never moves: the order word (priority in the top bits,
 * then the sequence number) and the payload (a kind and three int arguments, side by side in one
 * {@code int[]}). Its time's bits (times are non-negative, so their IEEE bits compare like the
 * times themselves) are kept where the event is filed, next to its slot number in a calendar bucket
 * or in the heap, so comparing times never follows a slot; the order word is read only when two
 * times are equal.
 *
 * <p>Most events fall due within milliseconds of the present (self times, cache and database
 * answers, CPU ends), so the queue has two parts, merged at every pop:
 *
 * <ul>
 *   <li>a calendar of {@value #BUCKETS} buckets of {@code width} seconds each for events due within
 *       {@code (BUCKETS - 2) * width} of the last popped event: bucket {@code floor(time / width)
 *       mod BUCKETS}, each bucket a short sorted run of slots, and one bit per non-empty bucket, so
 *       finding the earliest is a rotate and a count of trailing zeros instead of a sift through a
 *       heap;
 *   <li>a 4-ary heap of (time bits, slot) for everything further ahead (session think times,
 *       dependency calls, autoscaler and bucket ticks) and for the rare bucket that is full.
 * </ul>
 *
 * Within the window, {@code floor(time / width)} takes at most {@value #BUCKETS} consecutive
 * values, so buckets never mix two turns of the calendar, and a bucket's events precede those of
 * every later bucket. Which part holds an event changes how fast it is found, never the order.
 *
 * <p>{@link #push} returns the event's slot as a ticket: an event filed in the calendar can be
 * taken back with it ({@link #withdraw}), for the CPU model, whose scheduled ends are revoked when
 * a job starts sharing a core; an event in the heap cannot, and is left for its handler to ignore.
 *
 * <p>After {@link #pop()}, the popped event is read through {@link #time()}, {@link #kind()},
 * {@link #a()}, {@link #b()} and {@link #c()}. {@link #nextOrder} hands out an order word without
 * pushing, for event sources kept outside the queue (see {@link Timers}) that must interleave with
 * it exactly as if they had been pushed.
 */
final class EventQueue {
  /** Buckets of the calendar: one bit each in a {@code long}. */
  static final int BUCKETS = 64;

  /** Events one bucket holds; an event for a full bucket goes to the heap. */
  static final int BUCKET_CAPACITY = 16;

  /** Default bucket width in seconds: the window ahead is then 124 ms. */
  static final double DEFAULT_WIDTH = 0.002;

  private static final int SEQUENCE_BITS = 56;
  private static final int ARITY = 4;
  private static final int FIELDS = 4;
  private static final int MASK = BUCKETS - 1;
  private final double perSecond;
  private final double window;
  private long[] orders;
  private int[] payload;
  private int[] free;
  private int freeCount;
  private long sequence;
  private final int[] bucket = new int[BUCKETS * BUCKET_CAPACITY];
  private final long[] bucketTime = new long[BUCKETS * BUCKET_CAPACITY];
  private final int[] head = new int[BUCKETS];
  private final int[] count = new int[BUCKETS];
  private long occupied;
  private int calendarSize;
  private int firstSlot = -1;
  private long firstTime;
  private int firstBucket;
  private long[] heapTimes;
  private int[] heapRef;
  private int heapSize;
  private double topTime;
  private int topKind;
  private int topA;
  private int topB;
  private int topC;

  EventQueue(int initialCapacity) {
    this(initialCapacity, DEFAULT_WIDTH);
  }

  /** A queue whose calendar buckets are {@code width} seconds wide. */
  EventQueue(int initialCapacity, double width) {
    if (!(width > 0 && Double.isFinite(width))) {
      throw new IllegalArgumentException("bucket width must be > 0, but was " + width);
    }
    int capacity = Math.max(16, initialCapacity);
    this.perSecond = 1 / width;
    this.window = (BUCKETS - 2) * width;
    orders = new long[capacity];
    payload = new int[capacity * FIELDS];
    heapTimes = new long[capacity];
    heapRef = new int[capacity];
    free = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      free[i] = capacity - 1 - i;
    }
    freeCount = capacity;
  }

  /**
   * Adds an event; {@code priority} in [0, 255], lower first among equal times. Returns its ticket
   * for {@link #withdraw}, valid until the event is popped.
   */
  int push(double time, int priority, int kind, int a, int b, int c) {
    return pushOrdered(time, nextOrder(priority), kind, a, b, c);
  }

  /** Takes the next order word for {@code priority}, as {@link #push} would. */
  long nextOrder(int priority) {
    return ((long) priority << SEQUENCE_BITS) | sequence++;
  }

  /**
   * Adds an event with an order word from {@link #nextOrder}; {@code time} must be >= 0. An event
   * due before the last popped one (the simulation never schedules one) goes to the heap, which
   * orders any time.
   */
  int pushOrdered(double time, long order, int kind, int a, int b, int c) {
    if (!(time >= 0)) {
      throw new IllegalArgumentException("event time must be >= 0, but was " + time);
    }
    if (freeCount == 0) {
      grow();
    }
    int slot = free[--freeCount];
    long bits = bits(time);
    orders[slot] = order;
    int p = slot * FIELDS;
    payload[p] = kind;
    payload[p + 1] = a;
    payload[p + 2] = b;
    payload[p + 3] = c;
    double ahead = time - topTime;
    if (ahead > window || ahead < 0 || !file(time, bits, order, slot)) {
      siftUp(heapSize++, bits, slot);
    }
    return slot;
  }

  /**
   * Takes back the pending event with {@code ticket}, pushed for {@code time} with this kind and
   * arguments, if it is filed in the calendar; true if it was. An event further ahead, in the heap,
   * stays: its handler must recognise it as stale. Nothing happens unless the ticket still holds
   * exactly that event.
   */
  boolean withdraw(int ticket, double time, int kind, int a, int b, int c) {
    int p = ticket * FIELDS;
    if (payload[p] != kind || payload[p + 1] != a || payload[p + 2] != b || payload[p + 3] != c) {
      return false;
    }
    int k = (int) (long) (time * perSecond) & MASK;
    int first = k * BUCKET_CAPACITY + head[k];
    int end = first + count[k];
    int i = first;
    while (i < end && bucket[i] != ticket) {
      i++;
    }
    if (i == end) {
      return false;
    }
    for (; i < end - 1; i++) {
      bucket[i] = bucket[i + 1];
      bucketTime[i] = bucketTime[i + 1];
    }
    takeLast(k);
    free[freeCount++] = ticket;
    if (ticket == firstSlot) {
      findFirst();
    }
    return true;
  }

  /**
   * Files {@code slot}, due at {@code time} (bits {@code t}) with order word {@code o}, in its
   * calendar bucket, in order; false if the bucket is full.
   */
  private boolean file(double time, long t, long o, int slot) {
    int k = (int) (long) (time * perSecond) & MASK;
    int n = count[k];
    int start = k * BUCKET_CAPACITY;
    int first = start + head[k];
    if (n == BUCKET_CAPACITY) {
      return false;
    }
    if (head[k] + n == BUCKET_CAPACITY) {
      System.arraycopy(bucket, first, bucket, start, n);
      System.arraycopy(bucketTime, first, bucketTime, start, n);
      head[k] = 0;
      first = start;
    }
    int i = first + n;
    while (i > first) {
      long bt = bucketTime[i - 1];
      if (bt < t || (bt == t && orders[bucket[i - 1]] < o)) {
        break;
      }
      bucket[i] = bucket[i - 1];
      bucketTime[i] = bt;
      i--;
    }
    bucket[i] = slot;
    bucketTime[i] = t;
    count[k] = n + 1;
    occupied |= 1L << k;
    calendarSize++;
    if (firstSlot < 0 || t < firstTime || (t == firstTime && o < orders[firstSlot])) {
      firstSlot = slot;
      firstTime = t;
      firstBucket = k;
    }
    return true;
  }

  /**
   * Finds the calendar's earliest event after it was taken: the first non-empty bucket from the
   * last popped event's on.
   */
  private void findFirst() {
    if (calendarSize == 0) {
      firstSlot = -1;
      return;
    }
    int cursor = (int) (long) (topTime * perSecond) & MASK;
    int k = (cursor + Long.numberOfTrailingZeros(Long.rotateRight(occupied, cursor))) & MASK;
    firstBucket = k;
    int i = k * BUCKET_CAPACITY + head[k];
    firstSlot = bucket[i];
    firstTime = bucketTime[i];
  }

  /** Removes the earliest event and makes it readable; the queue must not be empty. */
  void pop() {
    if (!popBefore(Long.MAX_VALUE, Long.MAX_VALUE)) {
      throw new IllegalStateException("the event queue is empty");
    }
  }

  /**
   * Removes the earliest event and makes it readable if it sorts before the key ({@code time}'s
   * bits, {@code order}) of something held elsewhere (see {@link Timers}); false if it does not, or
   * if the queue is empty.
   */
  boolean popBefore(long time, long order) {
    int slot;
    if (heapSize > 0 && (calendarSize == 0 || heapPrecedes())) {
      long t = heapTimes[0];
      if (t > time || (t == time && orders[heapRef[0]] > order)) {
        return false;
      }
      topTime = Double.longBitsToDouble(t);
      slot = popHeap();
    } else if (calendarSize > 0) {
      long t = firstTime;
      slot = firstSlot;
      if (t > time || (t == time && orders[slot] > order)) {
        return false;
      }
      topTime = Double.longBitsToDouble(t);
      takeFirst(firstBucket);
      findFirst();
    } else {
      return false;
    }
    int p = slot * FIELDS;
    topKind = payload[p];
    topA = payload[p + 1];
    topB = payload[p + 2];
    topC = payload[p + 3];
    free[freeCount++] = slot;
    return true;
  }

  /** Drops the last event of bucket {@code k}. */
  private void takeLast(int k) {
    calendarSize--;
    if (--count[k] == 0) {
      head[k] = 0;
      occupied &= ~(1L << k);
    }
  }

  private void takeFirst(int k) {
    calendarSize--;
    if (--count[k] == 0) {
      head[k] = 0;
      occupied &= ~(1L << k);
    } else {
      head[k]++;
    }
  }

  /** Whether the heap's earliest event sorts before the calendar's. */
  private boolean heapPrecedes() {
    long h = heapTimes[0];
    return h < firstTime || (h == firstTime && orders[heapRef[0]] < orders[firstSlot]);
  }

  private int popHeap() {
    int slot = heapRef[0];
    int last = --heapSize;
    if (last > 0) {
      siftDown(heapTimes[last], heapRef[last]);
    }
    return slot;
  }

  /** The IEEE bits of a non-negative time ({@code -0.0} folded into {@code 0.0}). */
  static long bits(double time) {
    return Double.doubleToRawLongBits(time + 0.0);
  }

  /**
   * Whether heap entry (t1, slot s1) sorts before (t2, s2); orders are read only on equal times.
   */
  private boolean less(long t1, int s1, long t2, int s2) {
    return t1 < t2 || (t1 == t2 && orders[s1] < orders[s2]);
  }

  private void siftUp(int i, long time, int slot) {
    long[] t = heapTimes;
    int[] r = heapRef;
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
    long[] t = heapTimes;
    int[] r = heapRef;
    int n = heapSize;
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
    return calendarSize == 0 && heapSize == 0;
  }

  int size() {
    return calendarSize + heapSize;
  }

  double peekTime() {
    long t = heapSize > 0 ? heapTimes[0] : Long.MAX_VALUE;
    if (firstSlot >= 0) {
      t = Math.min(t, firstTime);
    }
    return Double.longBitsToDouble(t);
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
    orders = Arrays.copyOf(orders, capacity);
    payload = Arrays.copyOf(payload, capacity * FIELDS);
    heapTimes = Arrays.copyOf(heapTimes, capacity);
    heapRef = Arrays.copyOf(heapRef, capacity);
    free = Arrays.copyOf(free, capacity);
    for (int i = capacity - 1; i >= old; i--) {
      free[freeCount++] = i;
    }
  }
}
