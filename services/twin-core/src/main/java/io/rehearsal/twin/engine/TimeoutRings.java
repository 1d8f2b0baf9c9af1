package io.rehearsal.twin.engine;

/**
 * Pending call timeouts, one FIFO ring per call. A call's timeout is a constant (until a
 * remediation changes it), so its deadlines arrive in order and only the head of each ring needs a
 * {@link Timers timer}. Most calls are answered long before their deadline: their entries die (the
 * slot's token moves on) and are skipped in bulk when the head advances, instead of each leaving a
 * stale event in the event queue.
 *
 * <p>Each entry keeps the order word it was given when the call went out, so a timeout fires at
 * exactly the place in the event order where a timeout event pushed at that moment would have.
 *
 * <p>Each ring is one {@code long[]} of three words per entry (slot and token, deadline bits, order
 * word), so queuing a timeout touches one array.
 */
final class TimeoutRings {
  private static final int WORDS = 3;
  private final Timers timers;
  private final int timerBase;
  private final int[] head;
  private final int[] count;
  private final int[] mask;
  private final long[][] ring;

  TimeoutRings(int calls, Timers timers, int timerBase) {
    this.timers = timers;
    this.timerBase = timerBase;
    head = new int[calls];
    count = new int[calls];
    mask = new int[calls];
    ring = new long[calls][];
    for (int c = 0; c < calls; c++) {
      mask[c] = 7;
      ring[c] = new long[8 * WORDS];
    }
  }

  /**
   * Queues the timeout of attempt ({@code s}, {@code t}) of call {@code c} at {@code at}; false if
   * it would come before the ring's last deadline (the timeout was shortened meanwhile), in which
   * case the caller schedules it as an ordinary event.
   */
  boolean add(int c, int s, int t, double at, long orderWord) {
    int n = count[c];
    int m = mask[c];
    long[] words = ring[c];
    long atBits = EventQueue.bits(at);
    if (n > 0 && atBits < words[((head[c] + n - 1) & m) * WORDS + 1]) {
      return false;
    }
    if (n == m + 1) {
      words = grow(c);
      m = mask[c];
    }
    int i = ((head[c] + n) & m) * WORDS;
    words[i] = ((long) s << 32) | (t & 0xFFFFFFFFL);
    words[i + 1] = atBits;
    words[i + 2] = orderWord;
    count[c] = n + 1;
    if (n == 0) {
      timers.set(timerBase + c, at, orderWord);
    }
    return true;
  }

  /** The call whose ring timer has id {@code timerId}. */
  int callOf(int timerId) {
    return timerId - timerBase;
  }

  /** Slot of the head entry of ring {@code c}. */
  int headSlot(int c) {
    return (int) (ring[c][head[c] * WORDS] >> 32);
  }

  /** Token of the head entry of ring {@code c}. */
  int headToken(int c) {
    return (int) ring[c][head[c] * WORDS];
  }

  /**
   * Drops the head of ring {@code c} (the one that just fired) and every following entry for which
   * {@code live[slot] != token}, then sets the ring's timer to the new head, or unsets it.
   */
  void advance(int c, int[] live) {
    int m = mask[c];
    long[] words = ring[c];
    int h = (head[c] + 1) & m;
    int n = count[c] - 1;
    while (n > 0) {
      long st = words[h * WORDS];
      if (live[(int) (st >> 32)] == (int) st) {
        break;
      }
      h = (h + 1) & m;
      n--;
    }
    head[c] = h;
    count[c] = n;
    if (n > 0) {
      timers.set(
          timerBase + c, Double.longBitsToDouble(words[h * WORDS + 1]), words[h * WORDS + 2]);
    } else {
      timers.remove(timerBase + c);
    }
  }

  private long[] grow(int c) {
    int capacity = mask[c] + 1;
    long[] old = ring[c];
    long[] out = new long[capacity * 2 * WORDS];
    int h = head[c];
    for (int i = 0; i < capacity; i++) {
      System.arraycopy(old, ((h + i) & mask[c]) * WORDS, out, i * WORDS, WORDS);
    }
    ring[c] = out;
    mask[c] = capacity * 2 - 1;
    head[c] = 0;
    return out;
  }
}
