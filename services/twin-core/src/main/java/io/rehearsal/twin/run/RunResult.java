package io.rehearsal.twin.run;

import java.util.List;

/**
 * The outcome of one simulation run (one replication of one scenario).
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param replication replication index
 * @param config run configuration
 * @param events events processed
 * @param endpoints per endpoint, in spec order
 * @param services per service, in spec order
 * @param dependencies per external dependency, in spec order
 * @param slos per SLO, in spec order
 * @param arrivalRate entry requests per second in the measured window
 * @param meanLatency mean latency of completed entry requests
 * @param meanInSystem time-average number of entry requests in flight (Little's L)
 * @param timeToRecover seconds from the first fault until all SLOs were met in every later bucket
 *     (0 without faults, NaN if never)
 * @param cost replica-seconds of all services
 */
public record RunResult(
    String scenario,
    long seed,
    int replication,
    SimulationConfig config,
    long events,
    List<EndpointResult> endpoints,
    List<ServiceResult> services,
    List<DependencyResult> dependencies,
    List<SloResult> slos,
    double arrivalRate,
    double meanLatency,
    double meanInSystem,
    double timeToRecover,
    double cost) {

  /** Copies the lists. */
  public RunResult {
    endpoints = List.copyOf(endpoints);
    services = List.copyOf(services);
    dependencies = List.copyOf(dependencies);
    slos = List.copyOf(slos);
  }

  /** The result of endpoint {@code service/endpoint}. */
  public EndpointResult endpoint(String reference) {
    return endpoints.stream()
        .filter(e -> e.endpoint().equals(reference))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + reference + "'"));
  }

  /** The result of a service. */
  public ServiceResult service(String name) {
    return services.stream()
        .filter(s -> s.service().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'"));
  }

  /** The result of a dependency. */
  public DependencyResult dependency(String name) {
    return dependencies.stream()
        .filter(d -> d.dependency().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dependency '" + name + "'"));
  }

  /** Share of SLOs met (1 without SLOs). */
  public double sloAttainment() {
    return slos.isEmpty() ? 1 : slos.stream().filter(SloResult::met).count() / (double) slos.size();
  }
}
