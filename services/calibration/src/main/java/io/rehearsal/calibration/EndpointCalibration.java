package io.rehearsal.calibration;

import java.util.List;

/**
 * What calibration learnt about one endpoint, and from how much evidence.
 *
 * @param endpoint {@code service/endpoint}
 * @param requests requests it served in the recording
 * @param arrivalRate entry requests per second (root spans), 0 when it is not an entry
 * @param serviceTime the fitted service time: self time (span minus the union of its calls) plus,
 *     for a called endpoint, the time each caller's attempt spent outside the span (network and
 *     protocol handling), so that the twin's latency of the endpoint is what its callers see
 * @param cpuDemand CPU seconds per request from the CPU regression (0 when unknown)
 * @param cpuFraction share of the modelled service time that is CPU
 * @param errorProbability probability that the endpoint fails by itself
 * @param calls the calls it makes
 */
public record EndpointCalibration(
    String endpoint,
    int requests,
    double arrivalRate,
    FittedDistribution serviceTime,
    double cpuDemand,
    double cpuFraction,
    double errorProbability,
    List<CallCalibration> calls) {

  /** Copies the calls. */
  public EndpointCalibration {
    calls = List.copyOf(calls);
  }

  /**
   * One call an endpoint makes.
   *
   * @param target {@code service/endpoint} or dependency name
   * @param group sequential group (same group: parallel)
   * @param probability share of the endpoint's requests that make it
   */
  public record CallCalibration(String target, int group, double probability) {}
}
