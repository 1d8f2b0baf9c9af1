package io.rehearsal.calibration.fidelity;

import io.rehearsal.calibration.Sampling;
import io.rehearsal.calibration.TraceIndex;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How well a twin predicts a recorded period: the twin replays the period (the recording's entry
 * rates per step, for as long as it lasted, after a warm-up) and its per-endpoint median and 99th
 * percentile latency, error rate and throughput are compared with what the recording shows.
 *
 * <pre>{@code
 * FidelityReport report = Fidelity.evaluate(twin, recording, FidelityOptions.defaults());
 * report.summary().p99Mape();
 * }</pre>
 */
public final class Fidelity {
  private Fidelity() {}

  /**
   * Replays {@code recording} in {@code twin} and compares.
   *
   * @throws IllegalArgumentException if the recording has no entry request
   * @throws io.rehearsal.twin.spec.InvalidSpecException if it has entries the twin lacks
   */
  public static FidelityReport evaluate(
      TwinSpec twin, Recording recording, FidelityOptions options) {
    if (recording.spans().stream().noneMatch(s -> s.isRoot() && s.kind().servesRequest())) {
      throw new IllegalArgumentException("the recording holds no entry request to replay");
    }
    double period = Math.max(options.step(), periodSeconds(recording));
    int warmupSteps = (int) Math.ceil(options.warmup() / options.step());
    double warmup = warmupSteps * options.step();
    Sampling sampling = Sampling.of(recording, null);
    TwinSpec replay = ReplaySpec.of(twin, recording, period, options.step(), warmupSteps, sampling);
    SimulationConfig config = SimulationConfig.of(warmup + period).withWarmup(warmup);
    List<RunResult> runs =
        new Simulation(replay, Scenario.NONE, config, options.seed())
            .runReplications(options.replications(), options.threads());
    Map<String, Observed.Stats> observed = Observed.of(TraceIndex.of(recording), sampling);
    Map<String, Predicted.Stats> predicted = Predicted.of(runs, roundTrip(twin));
    List<EndpointFidelity> rows = new ArrayList<>();
    for (String endpoint : new TreeSet<>(observed.keySet())) {
      Predicted.Stats p = predicted.get(endpoint);
      if (p != null) {
        rows.add(
            row(
                endpoint,
                observed.get(endpoint),
                p.shifted(!observed.get(endpoint).entry()),
                period,
                options));
      }
    }
    List<String> missing = new ArrayList<>(observed.keySet());
    missing.removeAll(predicted.keySet());
    return FidelityReport.of(period, options.replications(), rows, missing, sampling.source());
  }

  private static EndpointFidelity row(
      String endpoint,
      Observed.Stats o,
      Predicted.Stats p,
      double period,
      FidelityOptions options) {
    double replicated = period * options.replications();
    long requests = Math.round(o.total() * o.weight());
    return new EndpointFidelity(
        endpoint,
        requests,
        p.total() / (double) options.replications(),
        Comparison.of(o.percentile(0.5), p.percentile(0.5)),
        Comparison.of(o.percentile(0.99), p.percentile(0.99)),
        Comparison.of(o.errorRate(), p.errorRate()),
        Comparison.of(o.ok() * o.weight() / period, p.ok() / replicated),
        requests >= options.minRequests() && (o.entry() || !options.entryOnly()));
  }

  /**
   * The network round trip a caller sees on top of the callee's own latency: twice the latency of
   * the first region's link to itself (0 without one). Callers' CLIENT spans include it; the twin's
   * endpoint latency, measured at the callee, does not.
   */
  static double roundTrip(TwinSpec twin) {
    if (twin.regions().isEmpty()) {
      return 0;
    }
    String region = twin.regions().get(0).name();
    return twin.links().stream()
        .filter(l -> l.from().equals(region) && l.to().equals(region))
        .mapToDouble(l -> 2 * l.latency())
        .findFirst()
        .orElse(0);
  }

  /** From the first to the last entry request's start, in seconds. */
  static double periodSeconds(Recording recording) {
    return (recording.lastRootStartNanos() - recording.firstRootStartNanos()) / 1e9;
  }
}
