package io.rehearsal.calibration.fidelity;

import io.rehearsal.telemetry.CallEdge;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.EndpointWindow;
import io.rehearsal.telemetry.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What closed windows show per endpoint ({@code service/endpoint}) of the given services, pooled
 * over the windows that saw any of them: requests, errors, the latency histogram, and the calls
 * other endpoints made to it.
 */
final class WindowStats {
  private final Map<String, Long> requests = new TreeMap<>();
  private final Map<String, Long> errors = new TreeMap<>();
  private final Map<String, List<LatencyHistogram>> latency = new TreeMap<>();
  private final Map<String, Long> internalCalls = new TreeMap<>();
  private final Map<String, LatencyHistogram> merged = new TreeMap<>();
  private long fromNanos = Long.MAX_VALUE;
  private long toNanos = Long.MIN_VALUE;

  private WindowStats() {}

  /** Pools {@code windows}, keeping the endpoints of {@code services} only. */
  static WindowStats of(List<ClosedWindow> windows, Set<String> services) {
    WindowStats out = new WindowStats();
    for (ClosedWindow window : windows) {
      List<EndpointWindow> ours =
          window.endpoints().stream().filter(e -> services.contains(e.service())).toList();
      if (ours.isEmpty()) {
        continue; // another system's window: it says nothing about this one's load
      }
      out.fromNanos = Math.min(out.fromNanos, window.startNanos());
      out.toNanos = Math.max(out.toNanos, window.endNanos());
      ours.forEach(out::add);
      window.edges().stream()
          .filter(e -> !e.external() && services.contains(e.childService()))
          .forEach(out::add);
    }
    return out;
  }

  private void add(EndpointWindow e) {
    String key = e.service() + "/" + e.endpoint();
    requests.merge(key, e.requests(), Long::sum);
    errors.merge(key, e.errors(), Long::sum);
    latency.computeIfAbsent(key, k -> new ArrayList<>()).add(e.latency());
  }

  private void add(CallEdge edge) {
    internalCalls.merge(edge.childService() + "/" + edge.childEndpoint(), edge.calls(), Long::sum);
  }

  /** Observed endpoints with requests, by name. */
  List<String> endpoints() {
    return requests.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  long requests(String endpoint) {
    return requests.getOrDefault(endpoint, 0L);
  }

  long errors(String endpoint) {
    return errors.getOrDefault(endpoint, 0L);
  }

  long internalCalls(String endpoint) {
    return internalCalls.getOrDefault(endpoint, 0L);
  }

  double errorRate(String endpoint) {
    long n = requests(endpoint);
    return n == 0 ? 0 : errors(endpoint) / (double) n;
  }

  /** The latency at quantile {@code q} in seconds (NaN without requests). */
  double quantileSeconds(String endpoint, double q) {
    LatencyHistogram h =
        merged.computeIfAbsent(
            endpoint, k -> LatencyHistogram.merge(latency.getOrDefault(k, List.of())));
    return h.count() == 0 ? Double.NaN : h.valueAtQuantileNanos(q) / 1e9;
  }

  long fromNanos() {
    return fromNanos;
  }

  long toNanos() {
    return toNanos;
  }

  /** Seconds covered, from the earliest window's start to the latest window's end. */
  double seconds() {
    return Math.max(1, toNanos - fromNanos) / 1e9;
  }
}
