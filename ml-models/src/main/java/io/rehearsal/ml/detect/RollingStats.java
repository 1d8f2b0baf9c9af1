package io.rehearsal.ml.detect;

import java.util.Arrays;

/** The last {@code capacity} values of a stream: mean, variance, median and MAD on demand. */
final class RollingStats {

  private final double[] ring;
  private final double[] scratch;
  private int size;
  private int next;
  private double sum;
  private double sumSquares;

  RollingStats(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, but was " + capacity);
    }
    ring = new double[capacity];
    scratch = new double[capacity];
  }

  void add(double v) {
    if (size == ring.length) {
      double old = ring[next];
      sum -= old;
      sumSquares -= old * old;
    } else {
      size++;
    }
    ring[next] = v;
    next = (next + 1) % ring.length;
    sum += v;
    sumSquares += v * v;
  }

  int size() {
    return size;
  }

  double mean() {
    return size == 0 ? 0 : sum / size;
  }

  double variance() {
    if (size < 2) {
      return 0;
    }
    double m = mean();
    return Math.max(0, sumSquares / size - m * m);
  }

  /** Median of the values held. */
  double median() {
    System.arraycopy(ring, 0, scratch, 0, size);
    Arrays.sort(scratch, 0, size);
    return middle(scratch, size);
  }

  /** Median absolute deviation around {@code center}. */
  double mad(double center) {
    for (int i = 0; i < size; i++) {
      scratch[i] = Math.abs(ring[i] - center);
    }
    Arrays.sort(scratch, 0, size);
    return middle(scratch, size);
  }

  private static double middle(double[] sorted, int n) {
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
