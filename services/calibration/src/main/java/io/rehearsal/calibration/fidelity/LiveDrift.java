package io.rehearsal.calibration.fidelity;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Drift between production and its twin, from live telemetry windows: the twin is simulated at the
 * arrival rates the windows show at its entry endpoints, and its per-endpoint median and 99th
 * percentile latency, error rate and throughput are compared with the windows'. Where {@link
 * io.rehearsal.calibration.fidelity.Fidelity} replays a recording span by span, this works on what
 * the detector keeps: windows (SERVER-span latency histograms, counts, call edges).
 *
 * <p>Entry arrivals at an endpoint are its requests minus the calls other endpoints made to it
 * (call edges), so an entry endpoint that is also called internally is not over-driven.
 * Deterministic: the same twin, windows and options give the same report.
 *
 * <pre>{@code
 * Optional<DriftReport> drift = LiveDrift.measure(twin, windows, DriftOptions.defaults());
 * drift.map(d -> d.value("p99_mape"));
 * }</pre>
 */
public final class LiveDrift {
  private LiveDrift() {}

  /**
   * Compares the windows with the twin's prediction.
   *
   * @return empty when none of the twin's entry endpoints had requests in the windows (nothing to
   *     simulate, no drift to tell)
   */
  public static Optional<DriftReport> measure(
      TwinSpec twin, List<ClosedWindow> windows, DriftOptions options) {
    if (windows.isEmpty()) {
      return Optional.empty();
    }
    WindowStats observed = WindowStats.of(windows, services(twin));
    Map<String, Double> rates = entryRates(twin, observed);
    if (rates.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Predicted> predicted = simulate(twin, rates, options);
    Set<String> modelled = modelled(twin);
    List<EndpointFidelity> rows = new ArrayList<>();
    List<String> unpredicted = new ArrayList<>();
    for (String endpoint : observed.endpoints()) {
      Predicted p = predicted.get(endpoint);
      if (p != null) {
        rows.add(row(endpoint, observed, p, options));
      } else if (!modelled.contains(endpoint)) {
        unpredicted.add(endpoint);
      }
    }
    return Optional.of(
        new DriftReport(
            observed.fromNanos(), observed.toNanos(), rates, rows, summary(rows), unpredicted));
  }

  private static Set<String> modelled(TwinSpec twin) {
    return twin.services().stream()
        .flatMap(
            s ->
                s.endpoints().stream()
                    .map(e -> Calibration.modelledEndpoint(s.name() + "/" + e.name())))
        .collect(Collectors.toSet());
  }

  private static Set<String> services(TwinSpec twin) {
    return twin.services().stream().map(s -> s.name()).collect(Collectors.toSet());
  }

  /** Observed entry rate per traffic endpoint of the twin that had arrivals. */
  static Map<String, Double> entryRates(TwinSpec twin, WindowStats observed) {
    Map<String, Double> out = new TreeMap<>();
    for (TrafficSpec traffic : twin.traffic()) {
      String endpoint = Calibration.modelledEndpoint(traffic.endpoint());
      double arrivals = observed.requests(endpoint) - observed.internalCalls(endpoint);
      if (arrivals > 0 && !out.containsKey(endpoint)) {
        out.put(endpoint, arrivals / observed.seconds());
      }
    }
    return out;
  }

  private static Map<String, Predicted> simulate(
      TwinSpec twin, Map<String, Double> rates, DriftOptions options) {
    List<TrafficSpec> traffic = new ArrayList<>();
    rates.forEach(
        (e, r) -> traffic.add(new TrafficSpec(entry(twin, e), new ArrivalPattern.Poisson(r))));
    TwinSpec loaded = twin.withLoad(traffic, List.of());
    SimulationConfig config =
        SimulationConfig.of(options.warmup() + options.simulated()).withWarmup(options.warmup());
    List<RunResult> runs =
        new Simulation(loaded, Scenario.NONE, config, options.seed())
            .runReplications(options.replications(), 1);
    Map<String, Predicted> out = new TreeMap<>();
    for (RunResult run : runs) {
      for (EndpointResult e : run.endpoints()) {
        out.computeIfAbsent(Calibration.modelledEndpoint(e.endpoint()), k -> new Predicted())
            .add(e);
      }
    }
    return out;
  }

  /** The twin's own traffic endpoint for a modelled entry (the first, if classes were split). */
  private static String entry(TwinSpec twin, String modelled) {
    return twin.traffic().stream()
        .map(TrafficSpec::endpoint)
        .filter(t -> Calibration.modelledEndpoint(t).equals(modelled))
        .findFirst()
        .orElse(modelled);
  }

  private static EndpointFidelity row(
      String endpoint, WindowStats observed, Predicted p, DriftOptions options) {
    long requests = observed.requests(endpoint);
    double measured = options.simulated() * options.replications();
    return new EndpointFidelity(
        endpoint,
        requests,
        p.total / (double) options.replications(),
        Comparison.of(observed.quantileSeconds(endpoint, 0.5), p.quantileSeconds(0.5)),
        Comparison.of(observed.quantileSeconds(endpoint, 0.99), p.quantileSeconds(0.99)),
        Comparison.of(observed.errorRate(endpoint), p.errorRate()),
        Comparison.of((requests - observed.errors(endpoint)) / observed.seconds(), p.ok / measured),
        requests >= options.minRequests());
  }

  private static FidelitySummary summary(List<EndpointFidelity> rows) {
    List<EndpointFidelity> counted = rows.stream().filter(EndpointFidelity::inSummary).toList();
    return new FidelitySummary(
        mean(counted, e -> e.p50().relativeError()),
        mean(counted, e -> e.p99().relativeError()),
        mean(counted, e -> e.throughput().relativeError()),
        mean(counted, e -> e.errorRate().absoluteError()),
        counted.size());
  }

  // Hand-written for bit-for-bit reproducibility: StatUtils.mean's correction pass changes the last
  // bits of the compensated DoubleStream average most of the time.
  private static double mean(List<EndpointFidelity> rows, ToDoubleFunction<EndpointFidelity> f) {
    return rows.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  /** The twin's results of one modelled endpoint, pooled over replications and request classes. */
  private static final class Predicted {
    private final Histogram latencyMicros = new Histogram(2);
    private long ok;
    private long total;

    void add(EndpointResult result) {
      latencyMicros.add(result.latency());
      ok += result.ok();
      total += result.total();
    }

    double errorRate() {
      return total == 0 ? 0 : (total - ok) / (double) total;
    }

    double quantileSeconds(double q) {
      return latencyMicros.getTotalCount() == 0
          ? Double.NaN
          : latencyMicros.getValueAtPercentile(q * 100) / 1e6;
    }
  }
}
