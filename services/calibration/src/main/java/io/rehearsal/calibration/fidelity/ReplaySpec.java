package io.rehearsal.calibration.fidelity;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The twin with its traffic replaced by the recording's: per entry endpoint, the rate of its root
 * spans in each step of the recorded period, preceded by a warm-up at the first step's rate.
 * Sessions are dropped (the recorded roots already hold their requests).
 */
final class ReplaySpec {
  private ReplaySpec() {}

  /**
   * Builds the replayed twin.
   *
   * @throws InvalidSpecException if the recording has entry requests at an endpoint the twin lacks
   */
  static TwinSpec of(
      TwinSpec twin, Recording recording, double period, double step, int warmupSteps) {
    long origin = recording.firstRootStartNanos();
    int steps = Math.max(1, (int) Math.ceil(period / step));
    Map<String, double[]> counts = new TreeMap<>();
    for (Span span : recording.spans()) {
      if (span.isRoot() && span.kind().servesRequest()) {
        int i = (int) Math.min(steps - 1, (span.startNanos() - origin) / (long) (step * 1e9));
        counts.computeIfAbsent(span.service() + "/" + span.endpoint(), k -> new double[steps])[i]++;
      }
    }
    List<TrafficSpec> traffic = new ArrayList<>();
    counts.forEach(
        (endpoint, perStep) ->
            traffic.add(traffic(twin, endpoint, perStep, period, step, warmupSteps)));
    return twin.withLoad(traffic, List.of());
  }

  private static TrafficSpec traffic(
      TwinSpec twin,
      String endpoint,
      double[] perStep,
      double period,
      double step,
      int warmupSteps) {
    if (twin.index().endpoint(endpoint) < 0) {
      throw new InvalidSpecException(
          "traffic: the recording has entry requests at '" + endpoint + "', which the twin lacks");
    }
    List<Double> rates = new ArrayList<>();
    int steps = perStep.length;
    for (int i = 0; i < steps; i++) {
      double width = i == steps - 1 ? period - step * (steps - 1) : step;
      rates.add(perStep[i] / Math.max(width, 1e-9));
    }
    for (int i = 0; i < warmupSteps; i++) {
      rates.add(0, rates.get(0));
    }
    return new TrafficSpec(endpoint, new ArrivalPattern.Replay(step, rates));
  }
}
