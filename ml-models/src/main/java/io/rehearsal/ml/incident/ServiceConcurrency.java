package io.rehearsal.ml.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether one service still serves requests side by side. Each second, the requests that ended in
 * the last window are ordered by start; the share that started while an earlier one was still
 * running is the service's overlap. A service that lost its workers (or serializes on a lock)
 * serves one request at a time: the overlap falls to about zero while throughput, latency and
 * errors stay as they were (the wait happens before the server's span starts). The overlap is
 * anomalous when it is below the normal median divided by {@code factor} <b>and</b> that few
 * overlaps among the window's requests would be improbable at the normal rate: the binomial lower
 * tail, bounded by {@code exp(-n KL(k/n || p))}, is below {@code tailProbability}. A service whose
 * requests rarely overlap (low rate, short requests) never gets there. Anomalous values are not
 * learned.
 */
final class ServiceConcurrency {
  /** How much two requests must overlap to count as served side by side. */
  static final double TOLERANCE_MILLIS = 1.0;

  private final String service;
  private final IncidentConfig.Anomaly anomaly;
  private final IncidentConfig.Concurrency concurrency;
  private final Second[] ring;
  private final RobustBaseline overlap;
  private long newest = Long.MIN_VALUE;
  private long firstSecond = Long.MIN_VALUE;

  ServiceConcurrency(String service, IncidentConfig config) {
    this.service = service;
    this.anomaly = config.anomaly();
    this.concurrency = config.concurrency();
    this.ring = new Second[anomaly.windowSeconds() + config.latenessSeconds() + 2];
    this.overlap = new RobustBaseline(anomaly.historySeconds());
  }

  /**
   * Adds a request that ran from {@code startMillis} to {@code endMillis}, ending in {@code
   * second}.
   */
  boolean add(long second, double startMillis, double endMillis) {
    if (newest != Long.MIN_VALUE && second <= newest - ring.length) {
      return false;
    }
    if (firstSecond == Long.MIN_VALUE) {
      firstSecond = second;
    }
    bucket(second).add(startMillis, endMillis);
    return true;
  }

  /** The symptom active in {@code second}, if any, judged once that second is closed. */
  Optional<Symptom> judge(long second) {
    if (firstSecond == Long.MIN_VALUE || second - firstSecond + 1 < anomaly.windowSeconds()) {
      return Optional.empty();
    }
    double[][] window = window(second);
    int n = window.length;
    if (n < concurrency.minRequests()) {
      overlap.miss();
      return Optional.empty();
    }
    double share = (double) overlapping(window) / n;
    if (overlap.size() < anomaly.warmupSeconds()) {
      overlap.learn(share);
      return Optional.empty();
    }
    double normal = overlap.median();
    if (!anomalous(share, n, normal)) {
      overlap.miss();
      overlap.learn(share);
      return Optional.empty();
    }
    if (overlap.hit(second) < anomaly.consecutive()) {
      return Optional.empty();
    }
    return Optional.of(
        new Symptom(
            service,
            Symptom.ALL_ENDPOINTS,
            Signal.CONCURRENCY,
            second,
            overlap.runStart(),
            share,
            normal));
  }

  private boolean anomalous(double share, int n, double normal) {
    if (!(normal > 0) || normal >= 1 || share >= normal / concurrency.factor()) {
      return false;
    }
    return logLowerTail(share, n, normal) < Math.log(concurrency.tailProbability());
  }

  /** Chernoff bound on log P(X <= q n) for X ~ Binomial(n, p), q < p. */
  static double logLowerTail(double q, int n, double p) {
    double kl =
        q == 0 ? -Math.log(1 - p) : q * Math.log(q / p) + (1 - q) * Math.log((1 - q) / (1 - p));
    return -n * kl;
  }

  /** Requests of the window, {start, end} each, in start order. */
  private double[][] window(long last) {
    int count = 0;
    for (long s = last - anomaly.windowSeconds() + 1; s <= last; s++) {
      Second b = at(s);
      count += b == null ? 0 : b.count;
    }
    double[][] out = new double[count][];
    int i = 0;
    for (long s = last - anomaly.windowSeconds() + 1; s <= last; s++) {
      Second b = at(s);
      for (int j = 0; b != null && j < b.count; j++) {
        out[i++] = new double[] {b.starts[j], b.ends[j]};
      }
    }
    Arrays.sort(
        out, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    return out;
  }

  /**
   * Requests that started at least {@link #TOLERANCE_MILLIS} before an earlier-starting one ended
   * (end times come in whole milliseconds, so a request queued behind another may seem to start up
   * to a millisecond before it ended).
   */
  static int overlapping(double[][] byStart) {
    int k = 0;
    double busyUntil = Double.NEGATIVE_INFINITY;
    for (double[] r : byStart) {
      if (r[0] < busyUntil - TOLERANCE_MILLIS) {
        k++;
      }
      busyUntil = Math.max(busyUntil, r[1]);
    }
    return k;
  }

  private Second bucket(long second) {
    if (second > newest) {
      for (long s = Math.max(newest + 1, second - ring.length + 1); s <= second; s++) {
        ring[slot(s)] = new Second();
      }
      newest = second;
    }
    return ring[slot(second)];
  }

  private Second at(long second) {
    if (newest == Long.MIN_VALUE || second > newest || second <= newest - ring.length) {
      return null;
    }
    return ring[slot(second)];
  }

  private int slot(long second) {
    return (int) Math.floorMod(second, (long) ring.length);
  }

  /** The requests that ended in one second. */
  private static final class Second {
    int count;
    double[] starts = new double[8];
    double[] ends = new double[8];

    void add(double start, double end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = start;
      ends[count++] = end;
    }
  }
}
