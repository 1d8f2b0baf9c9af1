package io.rehearsal.twin.engine;

import org.HdrHistogram.IntCountsHistogram;

/**
 * Per-bucket outcomes and latencies of the calls to each external dependency, as the caller sees
 * each attempt: ok (answered in time), failed (an error, or slower than the caller's timeout) or
 * rejected (429 from the rate limit). A call counts in the bucket it started in, since its latency
 * is drawn when it starts; incident extraction buckets recorded dependency calls the same way.
 */
final class CallSeries {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int REJECTED = 2;
  private static final int OUTCOMES = 3;
  private final int buckets;
  private final TimeBuckets bucketOf;
  private final long[] counts;
  private final IntCountsHistogram[] current;
  final double[][] p50;
  final double[][] p99;

  /**
   * Series of {@code buckets} buckets for {@code targets} targets, bucketed by {@code bucketOf}.
   */
  CallSeries(int targets, int buckets, TimeBuckets bucketOf) {
    this.buckets = buckets;
    this.bucketOf = bucketOf;
    counts = new long[targets * buckets * OUTCOMES];
    current = new IntCountsHistogram[targets];
    for (int d = 0; d < targets; d++) {
      current[d] = new IntCountsHistogram(2);
    }
    p50 = new double[targets][buckets];
    p99 = new double[targets][buckets];
  }

  /** A call to target {@code d} started at {@code now} with this outcome and latency. */
  void record(int d, int outcome, double latencySeconds, double now) {
    int b = bucketOf.of(now);
    counts[(d * buckets + b) * OUTCOMES + outcome]++;
    if (outcome == OK) {
      current[d].recordValue(Math.max(1, (long) (latencySeconds * Recorder.MICROS)));
    }
  }

  /** Closes bucket {@code b}: summarises the latencies of its calls and clears them. */
  void close(int b) {
    for (int d = 0; d < current.length; d++) {
      IntCountsHistogram h = current[d];
      boolean empty = h.getTotalCount() == 0;
      p50[d][b] = empty ? Double.NaN : h.getValueAtPercentile(50) / Recorder.MICROS;
      p99[d][b] = empty ? Double.NaN : h.getValueAtPercentile(99) / Recorder.MICROS;
      h.reset();
    }
  }

  long count(int d, int b, int outcome) {
    return counts[(d * buckets + b) * OUTCOMES + outcome];
  }
}
