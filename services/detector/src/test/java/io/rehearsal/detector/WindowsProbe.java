package io.rehearsal.detector;

import io.micrometer.core.instrument.MeterRegistry;
import io.rehearsal.detector.ingest.TelemetryWindows;
import io.rehearsal.telemetry.CallEdge;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.EndpointWindow;
import io.rehearsal.telemetry.LatencyHistogram;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads what the detector stored in Redis and counted in its meters, waiting for windows to close.
 */
final class WindowsProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final TelemetryWindows windows;
  private final MeterRegistry registry;

  WindowsProbe(TelemetryWindows windows, MeterRegistry registry) {
    this.windows = windows;
    this.registry = registry;
  }

  /** The {@code rehearsal.detector.<name>} counter with the given outcome. */
  double counter(String name, String outcome) {
    return registry.get("rehearsal.detector." + name).tag("outcome", outcome).counter().count();
  }

  /** Endpoint windows of {@code service} in the retained windows. */
  List<EndpointWindow> endpoints(String service) {
    return recent().stream()
        .flatMap(w -> w.endpoints().stream())
        .filter(e -> e.service().equals(service))
        .toList();
  }

  /** Edges whose parent is {@code service}. */
  List<CallEdge> edges(String service) {
    return recent().stream()
        .flatMap(w -> w.edges().stream())
        .filter(e -> e.parentService().equals(service))
        .toList();
  }

  /** Requests of {@code service} stored so far. */
  long requests(String service) {
    return endpoints(service).stream().mapToLong(EndpointWindow::requests).sum();
  }

  /**
   * Waits until {@code service}'s stored requests reach {@code expected}; returns the last count.
   */
  long awaitRequests(String service, long expected) throws InterruptedException {
    return await(() -> requests(service), n -> n >= expected);
  }

  /** Waits until {@code condition} holds on what {@code read} returns; returns the last value. */
  <T> T await(java.util.function.Supplier<T> read, Predicate<T> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    T value = read.get();
    while (!condition.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      value = read.get();
    }
    return value;
  }

  /** The latency histograms of an endpoint merged over windows. */
  LatencyHistogram latency(String service, String endpoint) {
    return LatencyHistogram.merge(
        endpoints(service).stream()
            .filter(e -> e.endpoint().equals(endpoint))
            .map(EndpointWindow::latency)
            .toList());
  }

  private List<ClosedWindow> recent() {
    return windows.recent(1_000);
  }
}
