package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Pending call timeouts, one FIFO ring per call. A call's timeout is a constant (until a
 * remediation changes it), so its deadlines arrive in order and only the head of each ring needs a
 * {@link Timers timer}. Most calls are answered long before their deadline: their entries die (the
 * slot's token moves on) and are skipped in bulk when the head advances, instead of each leaving a
 * stale event in the event queue.
 *
 * <p>Each entry keeps the order word it was given when the call went out, so a timeout fires at
 * exactly the place in the event order where a timeout event pushed at that moment would have.
 */
final class TimeoutRings {
  private final Timers timers;
  private final int timerBase;
  private final int[] head;
  private final int[] count;
  private final int[][] slot;
  private final int[][] token;
  private final double[][] deadline;
  private final long[][] order;

  TimeoutRings(int calls, Timers timers, int timerBase) {
    this.timers = timers;
    this.timerBase = timerBase;
    head = new int[calls];
    count = new int[calls];
    slot = new int[calls][8];
    token = new int[calls][8];
    deadline = new double[calls][8];
    order = new long[calls][8];
  }

  /**
   * Queues the timeout of attempt ({@code s}, {@code t}) of call {@code c} at {@code at}; false if
   * it would come before the ring's last deadline (the timeout was shortened meanwhile), in which
   * case the caller schedules it as an ordinary event.
   */
  boolean add(int c, int s, int t, double at, long orderWord) {
    int n = count[c];
    int capacity = slot[c].length;
    if (n > 0 && at < deadline[c][(head[c] + n - 1) & (capacity - 1)]) {
      return false;
    }
    if (n == capacity) {
      grow(c);
      capacity *= 2;
    }
    int i = (head[c] + n) & (capacity - 1);
    slot[c][i] = s;
    token[c][i] = t;
    deadline[c][i] = at;
    order[c][i] = orderWord;
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
    return slot[c][head[c]];
  }

  /** Token of the head entry of ring {@code c}. */
  int headToken(int c) {
    return token[c][head[c]];
  }

  /**
   * Drops the head of ring {@code c} (the one that just fired) and every following entry for which
   * {@code live[slot] != token}, then sets the ring's timer to the new head, or unsets it.
   */
  void advance(int c, int[] live) {
    int mask = slot[c].length - 1;
    int h = (head[c] + 1) & mask;
    int n = count[c] - 1;
    int[] s = slot[c];
    int[] t = token[c];
    while (n > 0 && live[s[h]] != t[h]) {
      h = (h + 1) & mask;
      n--;
    }
    head[c] = h;
    count[c] = n;
    if (n > 0) {
      timers.set(timerBase + c, deadline[c][h], order[c][h]);
    } else {
      timers.remove(timerBase + c);
    }
  }

  private void grow(int c) {
    int capacity = slot[c].length;
    int h = head[c];
    slot[c] = unroll(slot[c], h);
    token[c] = unroll(token[c], h);
    double[] d = new double[capacity * 2];
    long[] o = new long[capacity * 2];
    for (int i = 0; i < capacity; i++) {
      d[i] = deadline[c][(h + i) & (capacity - 1)];
      o[i] = order[c][(h + i) & (capacity - 1)];
    }
    deadline[c] = d;
    order[c] = o;
    head[c] = 0;
  }

  private static int[] unroll(int[] ring, int h) {
    int[] out = Arrays.copyOf(ring, ring.length * 2);
    for (int i = 0; i < ring.length; i++) {
      out[i] = ring[(h + i) & (ring.length - 1)];
    }
    return out;
  }
}
