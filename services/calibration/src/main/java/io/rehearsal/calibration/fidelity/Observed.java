package io.rehearsal.calibration.fidelity;

import io.rehearsal.calibration.Attempt;
import io.rehearsal.calibration.Call;
import io.rehearsal.calibration.Sampling;
import io.rehearsal.calibration.ServedRequest;
import io.rehearsal.calibration.TraceIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a recording shows per endpoint, measured where the twin measures it: an entry request by its
 * SERVER span, a call by its caller's CLIENT span of each attempt (so time queued for a worker
 * counts, as it does in the twin).
 */
final class Observed {
  /** Observations of one endpoint. */
  static final class Stats {
    private final List<Double> okLatencies = new ArrayList<>();
    private long total;
    private long failed;
    private boolean entry;
    private double weight = 1;

    /** Requests each observation stands for (1 / the share of traces sampled). */
    double weight() {
      return weight;
    }

    /** Whether some observations are entry requests (not seen by a caller). */
    boolean entry() {
      return entry;
    }

    void add(double seconds, boolean error) {
      total++;
      if (error) {
        failed++;
      } else {
        okLatencies.add(seconds);
      }
    }

    long total() {
      return total;
    }

    long ok() {
      return total - failed;
    }

    double errorRate() {
      return total == 0 ? 0 : failed / (double) total;
    }

    /**
     * Type 7, as calibration measures. Hand-written for bit-for-bit reproducibility: Percentile's
     * R_7 computes 1 + (n - 1) p, which changes the last bits of a few 99th percentiles.
     */
    double percentile(double p) {
      double[] sorted = okLatencies.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      if (sorted.length == 0) {
        return Double.NaN;
      }
      double x = p * (sorted.length - 1);
      int i = (int) Math.floor(x);
      return i >= sorted.length - 1 ? sorted[i] : sorted[i] + (x - i) * (sorted[i + 1] - sorted[i]);
    }
  }

  private Observed() {}

  /** Observations per endpoint, by name. */
  static Map<String, Stats> of(TraceIndex index) {
    return of(index, Sampling.NONE);
  }

  /** Observations per endpoint, by name; each stands for the sampling's weight of its service. */
  static Map<String, Stats> of(TraceIndex index, Sampling sampling) {
    Map<String, Stats> out = new TreeMap<>();
    for (ServedRequest request : index.requests()) {
      if (request.root()) {
        Stats stats = out.computeIfAbsent(request.endpoint(), k -> new Stats());
        stats.entry = true;
        stats.add(request.seconds(), request.span().error());
      }
      for (Call call : request.calls()) {
        if (!call.external()) {
          Stats stats = out.computeIfAbsent(call.target(), k -> new Stats());
          for (Attempt attempt : call.attempts()) {
            stats.add(attempt.seconds(), attempt.error());
          }
        }
      }
    }
    out.forEach((endpoint, stats) -> stats.weight = sampling.weight(service(endpoint)));
    return out;
  }

  private static String service(String endpoint) {
    int slash = endpoint.indexOf('/');
    return slash < 0 ? endpoint : endpoint.substring(0, slash);
  }
}
