package io.rehearsal.twin.engine;

/**
 * The time bucket a moment falls in, {@code min(buckets - 1, (int) (time / width))}, without a
 * division per question. The simulation asks with times that never decrease, so the bounds of the
 * last bucket found are kept and a time within them costs two comparisons. The bounds are the least
 * times whose quotient reaches each index, found by stepping ulp by ulp from {@code index * width}
 * (the rounded quotient never decreases as the time grows), so every answer is the division's, bit
 * for bit, whatever the order of the questions.
 */
final class TimeBuckets {
  private final int buckets;
  private final double width;
  private int index;
  private double from = Double.POSITIVE_INFINITY;
  private double until = Double.NEGATIVE_INFINITY;

  TimeBuckets(int buckets, double width) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be >= 1, but was " + buckets);
    }
    if (!(width > 0 && Double.isFinite(width))) {
      throw new IllegalArgumentException("bucket width must be > 0, but was " + width);
    }
    this.buckets = buckets;
    this.width = width;
  }

  /** The bucket of {@code time}. */
  int of(double time) {
    if (time >= from && time < until) {
      return index;
    }
    return locate(time);
  }

  private int locate(double time) {
    index = Math.min(buckets - 1, (int) (time / width));
    from = index == 0 ? Double.NEGATIVE_INFINITY : start(index);
    until = index == buckets - 1 ? Double.POSITIVE_INFINITY : start(index + 1);
    if (!(time >= from && time < until)) { // NaN, or below zero: no range to keep
      from = Double.POSITIVE_INFINITY;
      until = Double.NEGATIVE_INFINITY;
    }
    return index;
  }

  /** The least time whose bucket by division is {@code k} or more ({@code k >= 1}). */
  private double start(int k) {
    double t = k * width;
    while ((int) (t / width) >= k) {
      t = Math.nextDown(t);
    }
    while ((int) (t / width) < k) {
      t = Math.nextUp(t);
    }
    return t;
  }
}
