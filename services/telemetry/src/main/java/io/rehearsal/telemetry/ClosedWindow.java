package io.rehearsal.telemetry;

import java.util.List;
import java.util.Optional;

/**
 * Everything observed in one closed window {@code [startNanos, startNanos + lengthNanos)}: per
 * endpoint request statistics, call-graph edges and metric series, each sorted by its key.
 *
 * @param startNanos the window start, epoch nanoseconds, a multiple of the length
 * @param lengthNanos the window length
 * @param endpoints per (service, endpoint) statistics
 * @param edges call-graph edges whose parent request ended in the window
 * @param metrics metric series with points in the window
 */
public record ClosedWindow(
    long startNanos,
    long lengthNanos,
    List<EndpointWindow> endpoints,
    List<CallEdge> edges,
    List<MetricSeries> metrics) {

  /** Validates the window and copies the lists. */
  public ClosedWindow {
    Fields.positive("lengthNanos", lengthNanos);
    if (Math.floorMod(startNanos, lengthNanos) != 0) {
      throw new IllegalArgumentException(
          "startNanos must be a multiple of lengthNanos "
              + lengthNanos
              + ", but was "
              + startNanos);
    }
    endpoints = List.copyOf(Fields.present("endpoints", endpoints));
    edges = List.copyOf(Fields.present("edges", edges));
    metrics = List.copyOf(Fields.present("metrics", metrics));
  }

  /** The window end (exclusive), epoch nanoseconds. */
  public long endNanos() {
    return startNanos + lengthNanos;
  }

  /** The statistics of one endpoint, if it served requests in this window. */
  public Optional<EndpointWindow> endpoint(String service, String endpoint) {
    return endpoints.stream()
        .filter(e -> e.service().equals(service) && e.endpoint().equals(endpoint))
        .findFirst();
  }

  /** All requests served in this window, over all endpoints. */
  public long totalRequests() {
    return endpoints.stream().mapToLong(EndpointWindow::requests).sum();
  }
}
