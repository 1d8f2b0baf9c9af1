package io.rehearsal.calibration;

import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which share of the requests the recorded traces hold, per service, so that rates and throughput
 * are never read off the span counts of a sample. Traces are sampled whole (by trace id), so one
 * share holds for every endpoint of a service. It comes, in this order, from:
 *
 * <ol>
 *   <li>the complete request metrics: SERVER spans in the period over the count of {@code
 *       http.server.request.duration} in it (per route {@code method route}, the span's endpoint,
 *       where the routes match, else per service);
 *   <li>the ratio the overlay states ({@code sampling.ratio}), for services without such metrics;
 *   <li>else 1: the traces are taken to be complete, and {@link #source()} says so.
 * </ol>
 *
 * @param kept share of requests whose traces are in the recording, by service, in (0, 1]
 * @param fallback the share of services not in {@code kept}
 * @param source how the shares were found, for the reader
 */
public record Sampling(Map<String, Double> kept, double fallback, String source) {
  /** The request metric whose counts are complete. */
  public static final String REQUEST_METRIC = "http.server.request.duration";

  /** A share this close to 1 is taken as unsampled (metrics and spans never align exactly). */
  private static final double UNSAMPLED = 0.97;

  /** Traces taken as complete. */
  public static final Sampling NONE =
      new Sampling(
          Map.of(), 1, "no request metrics and no stated sampling ratio: traces taken as complete");

  /** Copies the map and validates the shares. */
  public Sampling {
    kept = Map.copyOf(new TreeMap<>(kept));
    for (Map.Entry<String, Double> e : kept.entrySet()) {
      check(e.getValue(), "kept[" + e.getKey() + "]");
    }
    check(fallback, "fallback");
  }

  private static void check(double share, String field) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1], but was " + share);
    }
  }

  /** Share of {@code service}'s requests whose traces were kept. */
  public double kept(String service) {
    return kept.getOrDefault(service, fallback);
  }

  /** Requests each recorded span of {@code service} stands for: 1 / {@link #kept}. */
  public double weight(String service) {
    return 1 / kept(service);
  }

  /**
   * The sampling of {@code recording}'s traces over its period (first to last root start).
   *
   * @param stated the ratio the overlay states, or null
   */
  public static Sampling of(Recording recording, Double stated) {
    long from = recording.firstRootStartNanos();
    long to = recording.lastRootStartNanos();
    Map<String, List<MetricIntervals.Interval>> counts =
        MetricIntervals.of(
            recording.metrics().stream()
                .filter(p -> p.name().equals(REQUEST_METRIC) && p.kind() == MetricKind.HISTOGRAM)
                .toList(),
            p -> route(p) == null ? null : p.service() + "\n" + route(p),
            p -> p.count());
    Map<String, List<Long>> spans = new TreeMap<>();
    for (Span s : recording.spans()) {
      if (s.kind().servesRequest()) {
        spans
            .computeIfAbsent(s.service() + '\n' + s.endpoint(), k -> new java.util.ArrayList<>())
            .add(s.startNanos());
      }
    }
    Map<String, double[]> byService = new TreeMap<>(); // sampled spans, requests
    counts.forEach(
        (key, intervals) -> {
          // only the part of the period the metric covers: a sliced recording loses edge points
          long a = Math.max(from, intervals.stream().mapToLong(i -> i.from()).min().orElse(to));
          long b = Math.min(to, intervals.stream().mapToLong(i -> i.to()).max().orElse(from));
          List<Long> starts = spans.get(key);
          double requests = b > a ? MetricIntervals.within(intervals, a, b) : 0;
          if (starts != null && requests > 0) {
            double[] sum = byService.computeIfAbsent(service(key), k -> new double[2]);
            sum[0] += starts.stream().filter(t -> t >= a && t < b).count();
            sum[1] += requests;
          }
        });
    Map<String, Double> kept = new TreeMap<>();
    StringBuilder text = new StringBuilder();
    byService.forEach(
        (service, sum) -> {
          if (sum[1] >= 50) {
            double share = Math.min(1, sum[0] / sum[1]);
            kept.put(service, share >= UNSAMPLED ? 1 : share);
            text.append(
                String.format(
                    Locale.ROOT,
                    "%s%s %.0f of %.0f",
                    text.isEmpty() ? "" : ", ",
                    service,
                    sum[0],
                    sum[1]));
          }
        });
    double fallback = stated != null ? stated : kept.isEmpty() ? 1 : median(kept);
    if (kept.isEmpty()) {
      return stated == null
          ? NONE
          : new Sampling(
              Map.of(), stated, "no request metrics: the overlay's sampling ratio " + stated);
    }
    return new Sampling(
        kept,
        fallback,
        String.format(
            Locale.ROOT,
            "rates from %s counts (traces kept of requests: %s; %.1f %% sampled; services without"
                + " the metric: %s)",
            REQUEST_METRIC,
            text,
            100 * median(kept),
            stated != null ? "the overlay's ratio " + stated : "the median share"));
  }

  private static String route(MetricPoint p) {
    Map<String, String> a = p.attributes();
    String method = a.getOrDefault("http.request.method", a.getOrDefault("http.method", ""));
    String route = a.getOrDefault("http.route", "");
    return method.isBlank() || route.isBlank() ? null : method + " " + route;
  }

  private static String service(String key) {
    return key.substring(0, key.indexOf('\n'));
  }

  private static double median(Map<String, Double> shares) {
    double[] v = shares.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
