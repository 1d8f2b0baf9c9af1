package io.rehearsal.calibration.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Predicted against observed, per endpoint and summarised.
 *
 * @param periodSeconds the replayed period
 * @param replications twin runs pooled
 * @param endpoints per endpoint, by name
 * @param summary mean errors over the endpoints with enough observations
 * @param unpredicted observed endpoints the twin does not have
 * @param rates where the observed rates and throughput came from (request metrics or the sampling
 *     ratio; never span counts of a sample)
 */
public record FidelityReport(
    double periodSeconds,
    int replications,
    List<EndpointFidelity> endpoints,
    FidelitySummary summary,
    List<String> unpredicted,
    String rates) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the lists. */
  public FidelityReport {
    endpoints = List.copyOf(endpoints);
    unpredicted = List.copyOf(unpredicted);
  }

  static FidelityReport of(
      double period,
      int replications,
      List<EndpointFidelity> rows,
      List<String> missing,
      String rates) {
    List<EndpointFidelity> counted = rows.stream().filter(EndpointFidelity::inSummary).toList();
    FidelitySummary summary =
        new FidelitySummary(
            mean(counted, e -> e.p50().relativeError()),
            mean(counted, e -> e.p99().relativeError()),
            mean(counted, e -> e.throughput().relativeError()),
            mean(counted, e -> e.errorRate().absoluteError()),
            counted.size());
    return new FidelityReport(period, replications, rows, summary, missing, rates);
  }

  /** The row of endpoint {@code service/endpoint}. */
  public EndpointFidelity endpoint(String reference) {
    return endpoints.stream()
        .filter(e -> e.endpoint().equals(reference))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + reference + "'"));
  }

  /** The report as indented JSON (summary keys {@code p50_mape}, {@code p99_mape}, ...). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the fidelity report", e);
    }
  }

  /** The report as a table for a terminal. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "replayed %.0f s, %d twin replications%n", periodSeconds, replications));
    out.append(
        String.format(
            Locale.ROOT,
            "%-30s %7s %21s %21s %17s %19s%n",
            "endpoint",
            "n",
            "p50 obs/pred (err)",
            "p99 obs/pred (err)",
            "errors obs/pred",
            "tput obs/pred (err)"));
    for (EndpointFidelity e : endpoints) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-30s %7d %7.1f/%-6.1f(%4.0f%%) %7.1f/%-6.1f(%4.0f%%) %7.3f/%-8.3f %6.2f/%-6.2f(%3.0f%%)%s%n",
              e.endpoint(),
              e.observedRequests(),
              ms(e.p50().observed()),
              ms(e.p50().predicted()),
              100 * e.p50().relativeError(),
              ms(e.p99().observed()),
              ms(e.p99().predicted()),
              100 * e.p99().relativeError(),
              e.errorRate().observed(),
              e.errorRate().predicted(),
              e.throughput().observed(),
              e.throughput().predicted(),
              100 * e.throughput().relativeError(),
              e.inSummary() ? "" : "  (not in summary)"));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "summary over %d endpoints: p50_mape %.3f  p99_mape %.3f  throughput_mape %.3f  error_rate_abs_diff %.4f%n",
            summary.endpoints(),
            summary.p50Mape(),
            summary.p99Mape(),
            summary.throughputMape(),
            summary.errorRateAbsDiff()));
    out.append("observed rates: ").append(rates).append('\n');
    if (!unpredicted.isEmpty()) {
      out.append("observed but not in the twin: ").append(unpredicted).append('\n');
    }
    return out.toString();
  }

  private static double ms(double seconds) {
    return seconds * 1000;
  }

  // Hand-written for bit-for-bit reproducibility: StatUtils.mean's correction pass changes the last
  // bits of the compensated DoubleStream average most of the time.
  private static double mean(List<EndpointFidelity> rows, ToDoubleFunction<EndpointFidelity> f) {
    return rows.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }
}
