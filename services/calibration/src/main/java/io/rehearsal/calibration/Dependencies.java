package io.rehearsal.calibration;

import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.RateLimitSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * External dependencies from the attempts no SERVER span answered: latency of the successful
 * attempts, error rate of the others except 429s, and a token bucket inferred from the 429s: in the
 * one-second windows where some attempts were refused the bucket was empty, so the attempts it
 * admitted there measure its rate (median over those windows) and the most admitted in any window
 * its burst.
 */
final class Dependencies {
  private static final long SECOND = 1_000_000_000L;

  private Dependencies() {}

  /** Attempts per dependency name, from every external call of the requests. */
  static Map<String, List<Attempt>> attempts(List<ServedRequest> requests) {
    Map<String, List<Attempt>> out = new TreeMap<>();
    for (ServedRequest request : requests) {
      for (Call call : request.calls()) {
        if (call.external()) {
          out.computeIfAbsent(call.target(), k -> new ArrayList<>()).addAll(call.attempts());
        }
      }
    }
    return out;
  }

  static DependencyCalibration calibrate(
      String name, List<Attempt> attempts, DistributionFitter fitter) {
    List<Attempt> ok = attempts.stream().filter(a -> !a.error()).toList();
    List<Attempt> basis = ok.isEmpty() ? attempts : ok;
    FittedDistribution latency = fitter.fit(basis.stream().mapToDouble(Attempt::seconds).toArray());
    int limited = (int) attempts.stream().filter(Attempt::rateLimited).count();
    long failed = attempts.stream().filter(a -> a.error() && !a.rateLimited()).count();
    int admitted = attempts.size() - limited;
    double errorRate = admitted == 0 ? 0 : failed / (double) admitted;
    double[] bucket = limited == 0 ? new double[] {Double.NaN, Double.NaN} : bucket(attempts);
    return new DependencyCalibration(
        name, attempts.size(), latency, errorRate, limited, bucket[0], bucket[1]);
  }

  /** Rate and burst of the token bucket that refused some of {@code attempts}. */
  static double[] bucket(List<Attempt> attempts) {
    long first = attempts.stream().mapToLong(Attempt::startNanos).min().orElseThrow();
    long last = attempts.stream().mapToLong(Attempt::startNanos).max().orElseThrow();
    int windows = (int) ((last - first) / SECOND) + 1;
    int[] admitted = new int[windows];
    boolean[] refused = new boolean[windows];
    for (Attempt a : attempts) {
      int w = (int) ((a.startNanos() - first) / SECOND);
      if (a.rateLimited()) {
        refused[w] = true;
      } else {
        admitted[w]++;
      }
    }
    double[] saturated =
        java.util.stream.IntStream.range(0, windows)
            .filter(w -> refused[w])
            .mapToDouble(w -> admitted[w])
            .toArray();
    double rate = Math.max(DistributionFitter.median(saturated), 1e-3);
    double burst = Math.max(1, Arrays.stream(admitted).max().orElse(1));
    return new double[] {rate, Math.max(burst, rate)};
  }

  /** The dependency spec: measured latency and errors; the overlay's rate limit wins. */
  static DependencySpec spec(DependencyCalibration d, Overlay.DependencyOverlay overlay) {
    RateLimitSpec limit = null;
    if (overlay != null && overlay.rateLimit() != null) {
      limit = new RateLimitSpec(overlay.rateLimit().ratePerSecond(), overlay.rateLimit().burst());
    } else if (d.rateLimited() > 0) {
      limit = new RateLimitSpec(d.inferredRate(), Math.max(1, d.inferredBurst()));
    }
    return new DependencySpec(d.name(), d.latency().distribution(), limit, d.errorRate());
  }
}
