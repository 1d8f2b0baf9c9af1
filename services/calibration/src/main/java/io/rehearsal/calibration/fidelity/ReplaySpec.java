package io.rehearsal.calibration.fidelity;

import io.rehearsal.calibration.HostBackground;
import io.rehearsal.calibration.Sampling;
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
 * spans in each step of the recorded period, preceded by a warm-up at the first step's rate. Each
 * root span counts as the requests it stands for ({@link Sampling#weight}). Sessions are dropped
 * (the recorded roots already hold their requests). The host background keeps its fixed part, and
 * its per-request part follows the replayed entry rate.
 */
final class ReplaySpec {
  private ReplaySpec() {}

  /**
   * Builds the replayed twin.
   *
   * @throws InvalidSpecException if the recording has entry requests at an endpoint the twin lacks
   */
  static TwinSpec of(
      TwinSpec twin,
      Recording recording,
      double period,
      double step,
      int warmupSteps,
      Sampling sampling) {
    long origin = recording.firstRootStartNanos();
    int steps = Math.max(1, (int) Math.ceil(period / step));
    Map<String, double[]> counts = new TreeMap<>();
    for (Span span : recording.spans()) {
      if (span.isRoot() && span.kind().servesRequest()) {
        int i = (int) Math.min(steps - 1, (span.startNanos() - origin) / (long) (step * 1e9));
        counts.computeIfAbsent(span.service() + "/" + span.endpoint(), k -> new double[steps])[i] +=
            sampling.weight(span.service());
      }
    }
    List<TrafficSpec> traffic = new ArrayList<>();
    double[] entries = new double[steps];
    counts.forEach(
        (endpoint, perStep) -> {
          traffic.add(traffic(twin, endpoint, perStep, period, step, warmupSteps));
          for (int i = 0; i < steps; i++) {
            entries[i] += perStep[i];
          }
        });
    for (TrafficSpec t : twin.traffic()) {
      if (HostBackground.isBackground(
          t.endpoint().substring(0, Math.max(0, t.endpoint().indexOf('/'))))) {
        traffic.add(
            HostBackground.perRequest(t.endpoint())
                ? traffic(twin, t.endpoint(), entries, period, step, warmupSteps)
                : t);
      }
    }
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
