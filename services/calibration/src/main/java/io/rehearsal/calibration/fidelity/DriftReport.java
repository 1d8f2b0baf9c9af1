package io.rehearsal.calibration.fidelity;

import java.util.List;
import java.util.Map;

/**
 * Live windows against the twin's prediction for the same load.
 *
 * @param fromNanos start of the earliest window compared, epoch nanoseconds
 * @param toNanos end of the latest window compared
 * @param entryRates observed arrival rate per twin entry endpoint (requests per second), the load
 *     the twin was simulated at
 * @param endpoints per twin endpoint observed in the windows, by name
 * @param summary mean errors over the endpoints with enough observations
 * @param unpredicted endpoints of the twin's services observed but not in the twin
 */
public record DriftReport(
    long fromNanos,
    long toNanos,
    Map<String, Double> entryRates,
    List<EndpointFidelity> endpoints,
    FidelitySummary summary,
    List<String> unpredicted) {

  /** The measures a drift bound may apply to, as exported. */
  public static final List<String> METRICS =
      List.of("p50_mape", "p99_mape", "throughput_mape", "error_rate_abs_diff");

  /** Copies the collections. */
  public DriftReport {
    entryRates = Map.copyOf(entryRates);
    endpoints = List.copyOf(endpoints);
    unpredicted = List.copyOf(unpredicted);
  }

  /** Seconds of live telemetry compared. */
  public double seconds() {
    return (toNanos - fromNanos) / 1e9;
  }

  /** Entry requests observed in the compared windows, over all entries. */
  public double entryRequests() {
    return entryRates.values().stream().mapToDouble(Double::doubleValue).sum() * seconds();
  }

  /**
   * The summary measure named {@code metric} (one of {@link #METRICS}); NaN when no endpoint had
   * enough requests.
   *
   * @throws IllegalArgumentException for another name
   */
  public double value(String metric) {
    return switch (metric) {
      case "p50_mape" -> summary.p50Mape();
      case "p99_mape" -> summary.p99Mape();
      case "throughput_mape" -> summary.throughputMape();
      case "error_rate_abs_diff" -> summary.errorRateAbsDiff();
      default ->
          throw new IllegalArgumentException(
              "metric must be one of " + METRICS + ", but was '" + metric + "'");
    };
  }
}
