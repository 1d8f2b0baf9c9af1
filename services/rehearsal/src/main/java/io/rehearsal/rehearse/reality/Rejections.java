package io.rehearsal.rehearse.reality;

import io.rehearsal.telemetry.MetricPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests turned away before a worker, per SLO endpoint and block, from the cumulative {@value
 * RealUtility#REJECTED} counter. A process reports one series per method, route and reason, from
 * its start ({@code startNanos} tells processes of a service apart); each point adds its increase
 * over the series' previous point to the block it falls in. A series' first point adds its whole
 * value, unless it comes within the first reports of the recording (the series already existed and
 * its value holds earlier rejections).
 */
final class Rejections {
  private static final long[] NONE = new long[0];

  private final Map<String, long[]> byEndpoint;

  private Rejections(Map<String, long[]> byEndpoint) {
    this.byEndpoint = byEndpoint;
  }

  static Rejections of(List<MetricPoint> metrics, RealUtility.Window w) {
    long first = metrics.stream().mapToLong(MetricPoint::timeNanos).min().orElse(0);
    long baselineUntil = first + (long) (1.5 * w.metricIntervalSeconds() * 1e9);
    Map<String, List<MetricPoint>> series = new HashMap<>();
    for (MetricPoint p : metrics) {
      if (p.name().equals(RealUtility.REJECTED)) {
        String key = p.service() + '\u0000' + p.attributes() + '\u0000' + p.startNanos();
        series.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, long[]> out = new HashMap<>();
    for (List<MetricPoint> points : series.values()) {
      points.sort(Comparator.comparingLong(MetricPoint::timeNanos));
      MetricPoint head = points.get(0);
      long[] blocks = out.computeIfAbsent(endpoint(head), k -> new long[w.blocks()]);
      double previous = head.timeNanos() <= baselineUntil ? head.value() : 0;
      for (MetricPoint p : points) {
        int b = w.block(p.timeNanos());
        if (b >= 0) {
          blocks[b] += Math.round(Math.max(0, p.value() - previous));
        }
        previous = p.value();
      }
    }
    return new Rejections(out);
  }

  /** Rejections of {@code service/endpoint} per block (empty when there were none). */
  long[] of(String sloEndpoint) {
    return byEndpoint.getOrDefault(sloEndpoint, NONE);
  }

  private static String endpoint(MetricPoint p) {
    Map<String, String> a = p.attributes();
    return p.service()
        + "/"
        + a.getOrDefault("http.request.method", "")
        + " "
        + a.getOrDefault("http.route", "");
  }
}
