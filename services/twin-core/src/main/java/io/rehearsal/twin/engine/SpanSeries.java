package io.rehearsal.twin.engine;

import java.util.Arrays;

/**
 * Per endpoint and time bucket, the p50 and p99 of the latency a server span measures: from the
 * moment a worker takes the request up to its answer, without the wait in the replica's queue (a
 * thread-pool server starts its span when the handler runs, as the reference shop does). The
 * endpoint latencies of {@link Recorder} run from arrival, queue included, as a caller and an SLO
 * see them; telemetry-driven comparisons (fault fitting) need this one. Successful requests only;
 * NaN for a bucket without any.
 */
final class SpanSeries {
  private final LatencyCounts[] open;
  final double[][] p50;
  final double[][] p99;

  SpanSeries(int endpoints, int buckets) {
    open = new LatencyCounts[endpoints];
    p50 = new double[endpoints][buckets];
    p99 = new double[endpoints][buckets];
    for (double[] row : p50) {
      Arrays.fill(row, Double.NaN);
    }
    for (double[] row : p99) {
      Arrays.fill(row, Double.NaN);
    }
  }

  /** Counts a handling time of endpoint {@code e} in the open bucket (capped at ~12.7 days). */
  void record(int e, double seconds) {
    long micros =
        Math.min(LatencyCounts.LIMIT - 1, Math.max(1, (long) (seconds * Recorder.MICROS)));
    LatencyCounts c = open[e];
    if (c == null) {
      c = new LatencyCounts();
      open[e] = c;
    }
    c.record(micros);
  }

  /** Closes bucket {@code b}: its percentiles from the open counts, which are then cleared. */
  void close(int b) {
    for (int e = 0; e < open.length; e++) {
      LatencyCounts c = open[e];
      if (c != null && c.total() > 0) {
        p50[e][b] = c.valueAtPercentile(50) / Recorder.MICROS;
        p99[e][b] = c.valueAtPercentile(99) / Recorder.MICROS;
        c.clear();
      }
    }
  }
}
