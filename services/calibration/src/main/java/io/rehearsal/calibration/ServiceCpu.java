package io.rehearsal.calibration;

import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU a service's processes used, explained by the utilisation law: per window, CPU seconds =
 * sum over endpoints of (CPU seconds per request x requests) + background cores x window.
 *
 * @param service the service
 * @param demands CPU seconds per request, by endpoint name (without the service), non-negative
 * @param backgroundCores CPU used regardless of requests (GC, exporters, timers), in cores
 * @param meanCores mean CPU used over the windows, in cores
 * @param rSquared share of the variance across windows that the fit explains
 * @param windows windows the fit used (0: no CPU metrics for the service)
 * @param rate the fit of the service's CPU on its complete request counts ({@link RateFit#NONE}
 *     when it has no request metrics and the per-endpoint regression was used)
 */
public record ServiceCpu(
    String service,
    Map<String, Double> demands,
    double backgroundCores,
    double meanCores,
    double rSquared,
    int windows,
    RateFit rate) {

  /** Copies the demands, sorted by endpoint. */
  public ServiceCpu {
    java.util.Objects.requireNonNull(rate, "rate");
    demands = java.util.Collections.unmodifiableMap(new TreeMap<>(demands));
  }

  /** A fit by the per-endpoint regression over windows, without request metrics. */
  public ServiceCpu(
      String service,
      Map<String, Double> demands,
      double backgroundCores,
      double meanCores,
      double rSquared,
      int windows) {
    this(service, demands, backgroundCores, meanCores, rSquared, windows, RateFit.NONE);
  }

  /** Whether the CPU was fitted on complete request counts. */
  public boolean fromRequestMetrics() {
    return rate.intervals() > 0;
  }

  /** The CPU demand of one endpoint in seconds per request (0 when unknown). */
  public double demand(String endpoint) {
    return demands.getOrDefault(endpoint, 0.0);
  }
}
