package io.rehearsal.calibration;

import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import java.util.Map;

/**
 * A calibrated twin and the evidence behind it.
 *
 * @param spec the twin, validated
 * @param periodSeconds length of the recorded period the rates were measured over
 * @param networkSeconds median time an answered call spent outside the SERVER span that answered it
 *     (network and protocol handling both ways); each call's own gap is part of its callee's
 *     modelled service time
 * @param endpoints per endpoint, in spec order
 * @param dependencies per external dependency
 * @param cpu the CPU regression per service
 * @param sampling which share of the requests the traces hold, and how that was found
 * @param host what host metrics showed (HostLoad.NONE without them)
 * @param notes what the reader should know (overlay overrides, weak fits, unattributed spans)
 */
public record CalibrationResult(
    TwinSpec spec,
    double periodSeconds,
    double networkSeconds,
    List<EndpointCalibration> endpoints,
    List<DependencyCalibration> dependencies,
    Map<String, ServiceCpu> cpu,
    Sampling sampling,
    HostLoad host,
    List<String> notes) {

  /** Copies the collections. */
  public CalibrationResult {
    endpoints = List.copyOf(endpoints);
    dependencies = List.copyOf(dependencies);
    cpu = Map.copyOf(cpu);
    notes = List.copyOf(notes);
  }

  /** The calibration of endpoint {@code service/endpoint}. */
  public EndpointCalibration endpoint(String reference) {
    return endpoints.stream()
        .filter(e -> e.endpoint().equals(reference))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + reference + "'"));
  }

  /** The calibration of an external dependency. */
  public DependencyCalibration dependency(String name) {
    return dependencies.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dependency '" + name + "'"));
  }
}
