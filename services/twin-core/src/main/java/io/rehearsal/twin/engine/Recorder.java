package io.rehearsal.twin.engine;

import org.HdrHistogram.IntCountsHistogram;

/**
 * Counters and latency histograms of one run. Totals cover the measured window (after warm-up); the
 * time series covers the whole run. Recording allocates nothing once histograms have grown to their
 * working range. Latencies are counted by {@link LatencyCounts} (an index and an increment) for the
 * open time bucket; when it closes, its counts join the totals (while measuring; the part of the
 * bucket before the warm-up ended goes to the bucket's histogram instead). The counts go into
 * HdrHistograms only when a bucket closes and when the run ends, with exactly the counts per bucket
 * that recording each value would have given.
 */
final class Recorder {
  static final double MICROS = 1e6;
  final int endpoints;
  final int buckets;
  final double width;
  final long[] counts;
  final long[] callerTimeouts;
  final double[] latencySum;
  final double[] queueWaitSum;
  final long[] started;
  final long[] waited;
  final IntCountsHistogram[] latency;
  final long[] bucketCounts;
  final IntCountsHistogram[] current;
  final double[][] bucketP50;
  final double[][] bucketP99;
  final IntCountsHistogram[][] kept;
  final int[] sloEndpoint;
  final double[] sloPercentile;
  final double[][] sloBucketLatency;
  final long[] depCalls;
  final long[] depLimited;
  final long[] depErrors;
  final CallSeries depSeries;
  final SpanSeries spans;
  long rootArrivals;
  long rootCompleted;
  double rootLatencySum;
  int rootInSystem;
  double rootInSystemIntegral;
  private double rootLastChange;
  private boolean measuring;
  private final LatencyCounts[] inBucket;
  private final LatencyCounts[] inTotal;
  private final TimeBuckets bucketOf;

  Recorder(
      int endpoints,
      int dependencies,
      int buckets,
      double width,
      boolean keep,
      boolean warm,
      int[] sloEndpoint,
      double[] sloPercentile) {
    this.sloEndpoint = sloEndpoint;
    this.sloPercentile = sloPercentile;
    this.sloBucketLatency = new double[sloEndpoint.length][buckets];
    this.endpoints = endpoints;
    this.buckets = buckets;
    this.width = width;
    this.bucketOf = new TimeBuckets(buckets, width);
    counts = new long[endpoints * Status.COUNT];
    callerTimeouts = new long[endpoints];
    latencySum = new double[endpoints];
    queueWaitSum = new double[endpoints];
    started = new long[endpoints];
    waited = new long[endpoints];
    latency = new IntCountsHistogram[endpoints];
    current = new IntCountsHistogram[endpoints];
    bucketCounts = new long[endpoints * buckets * Status.COUNT];
    bucketP50 = new double[endpoints][buckets];
    bucketP99 = new double[endpoints][buckets];
    kept = keep ? new IntCountsHistogram[endpoints][buckets] : null;
    for (int e = 0; e < endpoints; e++) {
      latency[e] = new IntCountsHistogram(2);
      current[e] = new IntCountsHistogram(2);
    }
    inBucket = new LatencyCounts[endpoints];
    inTotal = new LatencyCounts[endpoints];
    depCalls = new long[dependencies];
    depLimited = new long[dependencies];
    depErrors = new long[dependencies];
    depSeries = new CallSeries(dependencies, buckets, bucketOf);
    spans = new SpanSeries(endpoints, buckets);
    measuring = warm;
  }

  boolean measuring() {
    return measuring;
  }

  /** Ends the warm-up: totals start from zero now. */
  void startMeasuring(double now) {
    integrateRoot(now);
    rootInSystemIntegral = 0;
    measuring = true;
    drain(inBucket, current); // the open bucket's latencies so far stay out of the totals
  }

  void started(int e, double queueWait) {
    if (measuring) {
      started[e]++;
      queueWaitSum[e] += queueWait;
      if (queueWait > 0) {
        waited[e]++;
      }
    }
  }

  /**
   * A request of endpoint {@code e} ended: {@code latencySeconds} since it arrived, {@code
   * handlingSeconds} since a worker took it up (its {@link SpanSeries span}).
   */
  void completed(int e, int status, double latencySeconds, double handlingSeconds, double now) {
    int b = bucketOf.of(now);
    bucketCounts[(e * buckets + b) * Status.COUNT + status]++;
    long micros = Math.max(1, (long) (latencySeconds * MICROS));
    if (status == Status.OK) {
      record(e, micros);
      spans.record(e, handlingSeconds);
    }
    if (measuring) {
      counts[e * Status.COUNT + status]++;
      latencySum[e] += latencySeconds;
    }
  }

  void callerTimeout(int e) {
    if (measuring) {
      callerTimeouts[e]++;
    }
  }

  /**
   * A call to dependency {@code d} starting now: rate-limited, answered with an error, or answered
   * after {@code latencySeconds}, which fails the attempt when it exceeds the caller's {@code
   * timeout} (0: none).
   */
  void dependencyCall(
      int d, boolean limited, boolean error, double latencySeconds, double timeout, double now) {
    boolean late = timeout > 0 && latencySeconds > timeout;
    int outcome = limited ? CallSeries.REJECTED : error || late ? CallSeries.FAILED : CallSeries.OK;
    depSeries.record(d, outcome, latencySeconds, now);
    if (measuring) {
      depCalls[d]++;
      depLimited[d] += limited ? 1 : 0;
      depErrors[d] += error ? 1 : 0;
    }
  }

  void rootArrived(double now) {
    integrateRoot(now);
    rootInSystem++;
    if (measuring) {
      rootArrivals++;
    }
  }

  void rootCompleted(double latencySeconds, double now) {
    integrateRoot(now);
    rootInSystem--;
    if (measuring) {
      rootCompleted++;
      rootLatencySum += latencySeconds;
    }
  }

  void integrateRoot(double now) {
    rootInSystemIntegral += rootInSystem * (now - rootLastChange);
    rootLastChange = now;
  }

  /**
   * Closes bucket {@code b}: summarises the current latencies and clears them. Unless the bucket's
   * histograms are kept, the percentiles come straight from the counts ({@link
   * LatencyCounts#valueAtPercentile}, the same values), without filling a histogram per endpoint.
   */
  void closeBucket(int b) {
    depSeries.close(b);
    spans.close(b);
    addBucketToTotals();
    if (kept != null) {
      closeIntoHistograms(b);
      return;
    }
    for (int e = 0; e < endpoints; e++) {
      if (current[e].getTotalCount() > 0 && inBucket[e] != null) {
        inBucket[e].drainInto(current[e]); // a latency beyond LatencyCounts.LIMIT went there
      }
    }
    for (int e = 0; e < endpoints; e++) {
      bucketP50[e][b] = percentile(e, 50);
      bucketP99[e][b] = percentile(e, 99);
    }
    for (int k = 0; k < sloEndpoint.length; k++) {
      int e = sloEndpoint[k];
      double p = sloPercentile[k];
      sloBucketLatency[k][b] =
          p == 99 ? bucketP99[e][b] : p == 50 ? bucketP50[e][b] : percentile(e, p);
    }
    for (int e = 0; e < endpoints; e++) {
      if (current[e].getTotalCount() > 0) {
        current[e].reset();
      } else if (inBucket[e] != null) {
        inBucket[e].clear();
      }
    }
  }

  /** The bucket's latency percentile of endpoint {@code e} in seconds, NaN without latencies. */
  private double percentile(int e, double percentile) {
    IntCountsHistogram h = current[e];
    if (h.getTotalCount() > 0) {
      return h.getValueAtPercentile(percentile) / MICROS;
    }
    LatencyCounts c = inBucket[e];
    return c == null || c.total() == 0 ? Double.NaN : c.valueAtPercentile(percentile) / MICROS;
  }

  private void closeIntoHistograms(int b) {
    drain(inBucket, current);
    for (int k = 0; k < sloEndpoint.length; k++) {
      IntCountsHistogram h = current[sloEndpoint[k]];
      sloBucketLatency[k][b] =
          h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(sloPercentile[k]) / MICROS;
    }
    for (int e = 0; e < endpoints; e++) {
      IntCountsHistogram h = current[e];
      boolean empty = h.getTotalCount() == 0;
      bucketP50[e][b] = empty ? Double.NaN : h.getValueAtPercentile(50) / MICROS;
      bucketP99[e][b] = empty ? Double.NaN : h.getValueAtPercentile(99) / MICROS;
      if (kept != null && !empty) {
        kept[e][b] = h.copy();
      }
      h.reset();
    }
  }

  /** Fills the total histograms; called once, when the run has ended. */
  void finish() {
    addBucketToTotals();
    drain(inTotal, latency);
  }

  /**
   * Counts a latency for endpoint {@code e} in the open bucket (the totals take the bucket's counts
   * when it closes), or records it directly if it is out of range.
   */
  private void record(int e, long micros) {
    if (micros >= LatencyCounts.LIMIT) {
      current[e].recordValue(micros);
      if (measuring) {
        latency[e].recordValue(micros);
      }
      return;
    }
    LatencyCounts c = inBucket[e];
    if (c == null) {
      c = new LatencyCounts();
      inBucket[e] = c;
    }
    c.record(micros);
  }

  /** While measuring, the open bucket's counts join the totals (before the bucket is cleared). */
  private void addBucketToTotals() {
    if (!measuring) {
      return;
    }
    for (int e = 0; e < endpoints; e++) {
      LatencyCounts c = inBucket[e];
      if (c != null && c.total() > 0) {
        if (inTotal[e] == null) {
          inTotal[e] = new LatencyCounts();
        }
        c.addTo(inTotal[e]);
      }
    }
  }

  private void drain(LatencyCounts[] counts, IntCountsHistogram[] histograms) {
    for (int e = 0; e < endpoints; e++) {
      if (counts[e] != null) {
        counts[e].drainInto(histograms[e]);
      }
    }
  }

  long bucketCount(int e, int b, int status) {
    return bucketCounts[(e * buckets + b) * Status.COUNT + status];
  }

  long count(int e, int status) {
    return counts[e * Status.COUNT + status];
  }
}
