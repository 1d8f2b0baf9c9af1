package io.rehearsal.ml.rca;

import java.util.Arrays;

/** Requests or calls of one endpoint or edge in one window, summarised into {@link Stats}. */
final class Sample {
  private double[] durations = new double[16];
  private double selfSum;
  private int size;
  private int errors;
  private int ownErrors;
  private int throttled;

  void add(double durationMs, double selfMs, boolean error, boolean ownError, boolean throttle) {
    if (size == durations.length) {
      durations = Arrays.copyOf(durations, size * 2);
    }
    durations[size++] = durationMs;
    selfSum += selfMs;
    errors += error ? 1 : 0;
    ownErrors += ownError ? 1 : 0;
    throttled += throttle ? 1 : 0;
  }

  Stats stats(double seconds) {
    if (size == 0) {
      return Stats.EMPTY;
    }
    double[] sorted = Arrays.copyOf(durations, size);
    Arrays.sort(sorted);
    double sum = 0;
    for (double d : sorted) {
      sum += d;
    }
    return new Stats(
        size,
        size / seconds,
        quantile(sorted, 0.50),
        quantile(sorted, 0.99),
        sum / size,
        selfSum / size,
        (double) errors / size,
        (double) ownErrors / size,
        (double) throttled / size);
  }

  /** Nearest-rank quantile. */
  private static double quantile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
