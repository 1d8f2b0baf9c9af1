package io.rehearsal.rehearse.incident;

import io.rehearsal.rehearse.fitting.SymptomPoint;
import java.util.Arrays;

/** Requests of one endpoint or calls to one dependency: bucketing time, latency and outcome. */
final class Observations {
  private long[] ends = new long[64];
  private double[] seconds = new double[64];
  private boolean[] errors = new boolean[64];
  private int size;

  /** One request or attempt, placed in buckets by {@code atNanos} (its end, or its start). */
  void add(long atNanos, double latencySeconds, boolean error) {
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, size * 2);
      seconds = Arrays.copyOf(seconds, size * 2);
      errors = Arrays.copyOf(errors, size * 2);
    }
    ends[size] = atNanos;
    seconds[size] = latencySeconds;
    errors[size] = error;
    size++;
  }

  /**
   * The point of the requests completed in [{@code from}, {@code to}), throughput over {@code
   * width} seconds; null when none completed.
   */
  SymptomPoint point(long from, long to, double width) {
    double[] ok = new double[size];
    int okCount = 0;
    int total = 0;
    for (int i = 0; i < size; i++) {
      if (ends[i] >= from && ends[i] < to) {
        total++;
        if (!errors[i]) {
          ok[okCount++] = seconds[i];
        }
      }
    }
    if (total == 0) {
      return null;
    }
    double[] sorted = Arrays.copyOf(ok, okCount);
    Arrays.sort(sorted);
    return new SymptomPoint(
        percentile(sorted, 0.5),
        percentile(sorted, 0.99),
        (total - okCount) / (double) total,
        total / width);
  }

  // Hand-written for bit-for-bit reproducibility: Percentile's R_7 computes 1 + (n - 1) p, which
  // changes the last bits of a few 99th percentiles.
  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double x = p * (sorted.length - 1);
    int i = (int) Math.floor(x);
    return i >= sorted.length - 1 ? sorted[i] : sorted[i] + (x - i) * (sorted[i + 1] - sorted[i]);
  }
}
