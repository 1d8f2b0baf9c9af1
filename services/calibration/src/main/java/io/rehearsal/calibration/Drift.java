package io.rehearsal.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that the recording is stationary: a twin is calibrated on the assumption that the system
 * behaved the same from the first request to the last. For every endpoint with enough requests, the
 * median service time of the first fifth of the period is compared with that of the last fifth; a
 * system still warming up (JIT compilation, caches) shows a steady fall.
 */
final class Drift {
  private static final int PARTS = 5;
  private static final int MIN_PER_PART = 30;
  private static final double TOLERANCE = 0.10;

  private Drift() {}

  /** A note when the request-weighted median change exceeds 10%, else none. */
  static List<String> notes(Map<String, List<ServedRequest>> byEndpoint, long from, long to) {
    double weighted = 0;
    long weight = 0;
    for (List<ServedRequest> requests : byEndpoint.values()) {
      double[][] parts = parts(requests, from, to);
      if (parts[0].length >= MIN_PER_PART && parts[PARTS - 1].length >= MIN_PER_PART) {
        double first = DistributionFitter.median(parts[0]);
        double last = DistributionFitter.median(parts[PARTS - 1]);
        if (first > 0) {
          weighted += requests.size() * (last / first - 1);
          weight += requests.size();
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (weight > 0 && Math.abs(weighted / weight) > TOLERANCE) {
      out.add(
          String.format(
              Locale.ROOT,
              "median service times changed by %+.0f%% from the first to the last fifth of the"
                  + " recording: the system was not stationary (still warming up?); consider"
                  + " leaving out the start of the recording",
              100 * weighted / weight));
    }
    return out;
  }

  private static double[][] parts(List<ServedRequest> requests, long from, long to) {
    List<List<Double>> parts = new ArrayList<>();
    for (int i = 0; i < PARTS; i++) {
      parts.add(new ArrayList<>());
    }
    double length = Math.max(1, to - from);
    for (ServedRequest r : requests) {
      int part =
          (int) Math.min(PARTS - 1, Math.max(0, (r.span().startNanos() - from) / length * PARTS));
      parts.get(part).add(RequestClasses.serviceSeconds(r));
    }
    double[][] out = new double[PARTS][];
    for (int i = 0; i < PARTS; i++) {
      out[i] = parts.get(i).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return out;
  }
}
