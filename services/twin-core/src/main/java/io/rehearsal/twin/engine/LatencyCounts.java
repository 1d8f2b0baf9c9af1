package io.rehearsal.twin.engine;

import java.util.Arrays;
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

  /** Indices below this (latencies up to about 4.2 s) have room from the start. */
  private static final int INITIAL = 2048;

  private int[] counts = new int[INITIAL];
  private int top;
  private int bottom = Integer.MAX_VALUE;
  private long total;

  /** Counts one latency; {@code micros} must be in [1, LIMIT). */
  void record(long micros) {
    int i = index(micros);
    int[] c = counts;
    if (i >= c.length) {
      c = grow();
    }
    c[i]++;
    total++;
    if (i >= top) {
      top = i + 1;
    }
    if (i < bottom) {
      bottom = i;
    }
  }

  /** How many latencies are counted. */
  long total() {
    return total;
  }

  /**
   * What {@code getValueAtPercentile(percentile)} of a histogram holding exactly these counts
   * returns, computed the same way (HdrHistogram 2.2.2) without filling one; there must be counts.
   */
  long valueAtPercentile(double percentile) {
    double requested =
        Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
    double fpCount = requested * total / 100.0;
    long count = Math.max(1, (long) Math.ceil(fpCount));
    long sum = 0;
    int i = bottom;
    while (true) {
      sum += counts[i];
      if (sum >= count) {
        break;
      }
      i++;
    }
    long value = valueAt(i);
    return percentile == 0.0 ? value : value + (1L << bucketOf(value)) - 1;
  }

  private int[] grow() {
    counts = Arrays.copyOf(counts, SIZE);
    return counts;
  }

  /** Adds these counts to {@code other}'s (keeping these). */
  void addTo(LatencyCounts other) {
    if (total == 0) {
      return;
    }
    int[] c = other.counts;
    if (top > c.length) {
      c = other.grow();
    }
    for (int i = bottom; i < top; i++) {
      c[i] += counts[i];
    }
    other.total += total;
    other.top = Math.max(other.top, top);
    other.bottom = Math.min(other.bottom, bottom);
  }

  /** Forgets the counts. */
  void clear() {
    if (total > 0) {
      Arrays.fill(counts, bottom, top, 0);
    }
    top = 0;
    bottom = Integer.MAX_VALUE;
    total = 0;
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
    bottom = Integer.MAX_VALUE;
    total = 0;
  }

  private void move(AbstractHistogram histogram, int i) {
    histogram.recordValueWithCount(valueAt(i), counts[i]);
    counts[i] = 0;
  }

  /** HdrHistogram's countsArrayIndex for unit magnitude 0 and 256 sub-buckets. */
  static int index(long value) {
    int bucket = bucketOf(value);
    int sub = (int) (value >>> bucket);
    return ((bucket + 1) << HALF_MAGNITUDE) + (sub - HALF);
  }

  /** HdrHistogram's getBucketIndex: the power of two of the value's equivalence range. */
  private static int bucketOf(long value) {
    return BASE - Long.numberOfLeadingZeros(value | (2 * HALF - 1));
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
