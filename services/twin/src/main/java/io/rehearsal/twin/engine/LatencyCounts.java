package io.rehearsal.twin.engine;

import org.HdrHistogram.AbstractHistogram;

/**
 * Counts of latencies (microseconds) by HdrHistogram bucket, for histograms with two significant
 * digits and a lowest discernible value of 1 — the layout of the {@code IntCountsHistogram(2)}s the
 * recorder keeps. Recording is an index computation and an increment; {@link #drainInto} then adds
 * the counts to a histogram with one {@code recordValueWithCount} per used bucket, which gives the
 * histogram exactly the counts per bucket that recording each value would have, without paying the
 * histogram's per-value bookkeeping (min/max tracking, resizing checks) on the hot path.
 */
final class LatencyCounts {
  /** Values from here up (about 12.7 days in microseconds) go straight to the histogram. */
  static final long LIMIT = 1L << 40;

  private static final int HALF_MAGNITUDE = 7;
  private static final int HALF = 1 << HALF_MAGNITUDE;
  private static final int BASE = 56;
  private static final int SIZE = index(LIMIT - 1) + 1;
  private final int[] counts = new int[SIZE];
  private int top;

  /** Counts one latency; {@code micros} must be in [1, LIMIT). */
  void record(long micros) {
    int i = index(micros);
    counts[i]++;
    if (i >= top) {
      top = i + 1;
    }
  }

  /**
   * Adds the counts to {@code histogram} and clears them. The highest and lowest buckets go first,
   * so that the histogram's minimum and maximum (updated by compare-and-set) change only twice.
   */
  void drainInto(AbstractHistogram histogram) {
    if (top == 0) {
      return;
    }
    int high = top - 1;
    int low = 0;
    while (counts[low] == 0) {
      low++;
    }
    move(histogram, high);
    for (int i = low; i < high; i++) {
      if (counts[i] > 0) {
        move(histogram, i);
      }
    }
    top = 0;
  }

  private void move(AbstractHistogram histogram, int i) {
    histogram.recordValueWithCount(valueAt(i), counts[i]);
    counts[i] = 0;
  }

  /** HdrHistogram's countsArrayIndex for unit magnitude 0 and 256 sub-buckets. */
  static int index(long value) {
    int bucket = BASE - Long.numberOfLeadingZeros(value | (2 * HALF - 1));
    int sub = (int) (value >>> bucket);
    return ((bucket + 1) << HALF_MAGNITUDE) + (sub - HALF);
  }

  /** The lowest value of bucket index {@code i}, which records into that same index. */
  static long valueAt(int i) {
    int bucket = (i >> HALF_MAGNITUDE) - 1;
    int sub = (i & (HALF - 1)) + HALF;
    if (bucket < 0) {
      sub -= HALF;
      bucket = 0;
    }
    return (long) sub << bucket;
  }
}
