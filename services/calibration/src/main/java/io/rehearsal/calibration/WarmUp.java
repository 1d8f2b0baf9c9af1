package io.rehearsal.calibration;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the warm-up at the start of a recording with MSER-5, the standard truncation rule for
 * initialisation bias in simulation output analysis (White, 1997; Franklin and White, 2008): per
 * endpoint, the median latency of each second with requests, in time order, is averaged in batches
 * of 5; the truncation point is the batch count d in [0, m/2] that minimises the standard error of
 * the mean of the batches kept, {@code sum_{j>d} (Y_j - mean_d)^2 / (m - d)^2}. Per-second medians,
 * not single latencies: a cold JVM, empty caches and unconnected pools shift the whole latency
 * distribution, and the median follows that shift without the heavy tail's noise (on the reference
 * shop, MSER on single latencies stops 20 s early). The recording's warm-up ends at the latest
 * truncation point among the endpoints with at least 50 busy seconds. A truncation at the limit
 * (half the recording) means the system may still be warming up: record longer.
 *
 * <pre>{@code
 * WarmUp w = WarmUp.detect(recording);
 * Recording steady = w.apply(recording);   // w.droppedSeconds() says how much went
 * }</pre>
 *
 * @param endsAtNanos start of the steady part (the first root span's start if nothing is dropped)
 * @param droppedSeconds seconds dropped from the start
 * @param byEndpoint seconds dropped per endpoint ({@code service/endpoint}) that took part
 * @param atLimit whether some endpoint's truncation reached MSER's limit, half its series
 */
public record WarmUp(
    long endsAtNanos, double droppedSeconds, Map<String, Double> byEndpoint, boolean atLimit) {
  /** Observations per batch: MSER-5. */
  static final int BATCH = 5;

  /** Fewest batches an endpoint needs to take part (50 seconds with requests). */
  static final int MIN_BATCHES = 10;

  /** Copies the map. */
  public WarmUp {
    byEndpoint = Map.copyOf(byEndpoint);
  }

  /** The warm-up of {@code recording}; nothing dropped when no endpoint has enough requests. */
  public static WarmUp detect(Recording recording) {
    long start = recording.firstRootStartNanos();
    Map<String, List<Span>> byEndpoint = new TreeMap<>();
    for (Span s : recording.spans()) {
      if (s.kind().servesRequest()) {
        byEndpoint.computeIfAbsent(s.service() + "/" + s.endpoint(), k -> new ArrayList<>()).add(s);
      }
    }
    long end = start;
    boolean atLimit = false;
    Map<String, Double> dropped = new TreeMap<>();
    for (Map.Entry<String, List<Span>> e : byEndpoint.entrySet()) {
      List<Span> spans = e.getValue();
      spans.sort(Comparator.comparingLong(Span::startNanos));
      List<long[]> seconds = secondMedians(spans, start);
      if (seconds.size() / BATCH < MIN_BATCHES) {
        continue;
      }
      double[] y = new double[seconds.size() / BATCH];
      for (int j = 0; j < y.length; j++) {
        double sum = 0;
        for (int i = j * BATCH; i < (j + 1) * BATCH; i++) {
          sum += seconds.get(i)[1] / 1e9;
        }
        y[j] = sum / BATCH;
      }
      int d = truncation(y);
      atLimit |= d > 0 && d == y.length / 2;
      long at = start + seconds.get(d * BATCH)[0] * 1_000_000_000L;
      dropped.put(e.getKey(), Math.max(0, at - start) / 1e9);
      end = Math.max(end, at);
    }
    return new WarmUp(end, (end - start) / 1e9, dropped, atLimit);
  }

  /** The recording without its warm-up: the traces whose root starts at or after the end of it. */
  public Recording apply(Recording recording) {
    return droppedSeconds == 0 ? recording : recording.slice(endsAtNanos, Long.MAX_VALUE);
  }

  /** Per second from {@code start} with requests: {second, median latency in nanos}. */
  static List<long[]> secondMedians(List<Span> sorted, long start) {
    List<long[]> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      long second = (sorted.get(i).startNanos() - start) / 1_000_000_000L;
      List<Long> latencies = new ArrayList<>();
      while (i < sorted.size() && (sorted.get(i).startNanos() - start) / 1_000_000_000L == second) {
        latencies.add(sorted.get(i).endNanos() - sorted.get(i).startNanos());
        i++;
      }
      latencies.sort(null);
      out.add(new long[] {second, latencies.get(latencies.size() / 2)});
    }
    return out;
  }

  /** The MSER truncation point: batches to drop, in [0, m/2]. */
  static int truncation(double[] y) {
    int m = y.length;
    // Suffix sums let each candidate d be scored in O(1).
    double[] sum = new double[m + 1];
    double[] squares = new double[m + 1];
    for (int j = m - 1; j >= 0; j--) {
      sum[j] = sum[j + 1] + y[j];
      squares[j] = squares[j + 1] + y[j] * y[j];
    }
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int d = 0; d <= m / 2; d++) {
      int n = m - d;
      double mean = sum[d] / n;
      double ss = Math.max(0, squares[d] - n * mean * mean);
      double score = ss / ((double) n * n);
      if (score < bestScore) {
        bestScore = score;
        best = d;
      }
    }
    return best;
  }
}
