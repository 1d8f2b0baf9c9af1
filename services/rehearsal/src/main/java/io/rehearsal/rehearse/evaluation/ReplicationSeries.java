package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.EndpointResult.BucketResult;
import io.rehearsal.twin.run.RunResult;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The time series of one replication over its measured window: per bucket, the worst entry
 * endpoint's p99 latency and the entry error rate. At most {@link #MAX_BUCKETS} buckets: when the
 * run has more measured buckets, {@code k} consecutive ones are merged (error rate over their
 * summed requests, p99 the worst of theirs), so what travels between processes and what the
 * coordinator keeps per replication stay bounded.
 */
public final class ReplicationSeries {
  /** Most buckets kept per replication. */
  public static final int MAX_BUCKETS = 120;

  /** No series (an outcome measured without one). */
  public static final ReplicationSeries NONE =
      new ReplicationSeries(0, 1, new double[0], new double[0]);

  private final double start;
  private final double width;
  private final double[] p99;
  private final double[] errorRate;

  /**
   * A series; the arrays are copied.
   *
   * @param start first bucket's start, seconds after the start of the measured window (>= 0)
   * @param width bucket width, seconds (> 0)
   * @param p99 worst entry p99 latency of successful requests per bucket, seconds; NaN where none
   *     succeeded
   * @param errorRate share of entry requests completed in the bucket that failed or were rejected
   *     (0 when none completed)
   */
  public ReplicationSeries(double start, double width, double[] p99, double[] errorRate) {
    if (!(start >= 0) || !(width > 0)) {
      throw new IllegalArgumentException(
          "start must be >= 0 and width > 0, but were " + start + ", " + width);
    }
    if (p99.length != errorRate.length || p99.length > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "p99 and errorRate must have the same length <= "
              + MAX_BUCKETS
              + ", but had "
              + p99.length
              + " and "
              + errorRate.length);
    }
    this.start = start;
    this.width = width;
    this.p99 = p99.clone();
    this.errorRate = errorRate.clone();
  }

  /**
   * The series of {@code run}'s measured window over the endpoints in {@code entries}: buckets from
   * the first one starting at or after the warm-up.
   */
  public static ReplicationSeries of(Set<String> entries, RunResult run) {
    double bucket = run.config().bucket();
    int all = run.config().buckets();
    int first = Math.min(all, (int) Math.ceil(run.config().warmup() / bucket - 1e-9));
    int merge = Math.max(1, (int) Math.ceil((all - first) / (double) MAX_BUCKETS));
    int n = (all - first + merge - 1) / merge;
    double[] p99 = new double[n];
    double[] errors = new double[n];
    for (int j = 0; j < n; j++) {
      int from = first + j * merge;
      int to = Math.min(all, from + merge);
      p99[j] = worstP99(entries, run, from, to);
      errors[j] = errorRate(entries, run, from, to);
    }
    double start = Math.max(0, first * bucket - run.config().warmup());
    return new ReplicationSeries(start, merge * bucket, p99, errors);
  }

  private static double worstP99(Set<String> entries, RunResult run, int from, int to) {
    double worst = Double.NaN;
    for (EndpointResult e : run.endpoints()) {
      if (!entries.contains(e.endpoint())) {
        continue;
      }
      for (int b = from; b < Math.min(to, e.buckets().size()); b++) {
        double v = e.buckets().get(b).p99();
        worst = Double.isNaN(worst) || v > worst ? v : worst;
      }
    }
    return worst;
  }

  private static double errorRate(Set<String> entries, RunResult run, int from, int to) {
    long total = 0;
    long bad = 0;
    for (EndpointResult e : run.endpoints()) {
      if (!entries.contains(e.endpoint())) {
        continue;
      }
      for (int b = from; b < Math.min(to, e.buckets().size()); b++) {
        BucketResult bucket = e.buckets().get(b);
        total += bucket.total();
        bad += bucket.failed() + bucket.rejected();
      }
    }
    return total == 0 ? 0 : (double) bad / total;
  }

  /** First bucket's start, seconds after the start of the measured window. */
  public double start() {
    return start;
  }

  /** Bucket width, seconds. */
  public double width() {
    return width;
  }

  /** Number of buckets. */
  public int buckets() {
    return p99.length;
  }

  /** Worst entry p99 latency in bucket {@code i}, seconds; NaN if nothing succeeded. */
  public double p99(int i) {
    return p99[i];
  }

  /** Entry error rate in bucket {@code i}. */
  public double errorRate(int i) {
    return errorRate[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplicationSeries s
        && Double.compare(start, s.start) == 0
        && Double.compare(width, s.width) == 0
        && Arrays.equals(p99, s.p99)
        && Arrays.equals(errorRate, s.errorRate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, width) * 961
        + Arrays.hashCode(p99) * 31
        + Arrays.hashCode(errorRate);
  }

  @Override
  public String toString() {
    return "ReplicationSeries[start="
        + start
        + ", width="
        + width
        + ", buckets="
        + p99.length
        + "]";
  }
}
