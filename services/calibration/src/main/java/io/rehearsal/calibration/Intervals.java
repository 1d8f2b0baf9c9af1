package io.rehearsal.calibration;

import java.util.Arrays;

/** Lengths of unions of intervals, for self time: a span minus what its children covered. */
final class Intervals {
  private Intervals() {}

  /**
   * The length of the union of {@code [starts[i], ends[i])}, each clipped to {@code [from, to)}.
   * Overlapping intervals (parallel children) count once.
   */
  static long covered(long from, long to, long[] starts, long[] ends) {
    int n = starts.length;
    long[][] clipped = new long[n][];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long s = Math.max(from, starts[i]);
      long e = Math.min(to, ends[i]);
      if (e > s) {
        clipped[m++] = new long[] {s, e};
      }
    }
    long[][] live = Arrays.copyOf(clipped, m);
    Arrays.sort(live, (a, b) -> Long.compare(a[0], b[0]));
    long total = 0;
    long runStart = Long.MIN_VALUE;
    long runEnd = Long.MIN_VALUE;
    for (long[] interval : live) {
      if (interval[0] > runEnd) {
        total += runEnd - runStart;
        runStart = interval[0];
        runEnd = interval[1];
      } else {
        runEnd = Math.max(runEnd, interval[1]);
      }
    }
    return total + (runEnd - runStart);
  }

  /** Self time in seconds of a request: its span minus the union of its calls' intervals. */
  static double selfSeconds(ServedRequest request) {
    long from = request.span().startNanos();
    long to = request.span().endNanos();
    int n = request.calls().size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = request.calls().get(i).startNanos();
      ends[i] = request.calls().get(i).endNanos();
    }
    return (to - from - covered(from, to, starts, ends)) / 1e9;
  }
}
