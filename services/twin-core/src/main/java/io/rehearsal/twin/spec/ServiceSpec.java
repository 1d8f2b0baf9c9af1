package io.rehearsal.twin.spec;

import java.util.List;

/**
 * A service: identical replicas, each with a pool of workers and a bounded FIFO queue.
 *
 * @param name unique service name (no '/')
 * @param version deployed version label
 * @param replicas initial replicas
 * @param workers workers (threads) per replica
 * @param queueLimit waiting requests per replica beyond which arrivals are rejected (default
 *     unbounded)
 * @param startup container startup latency of a new replica (default constant 0)
 * @param placement hosts and CPU request/limit, or null (CPU is then unlimited)
 * @param autoscaler horizontal autoscaler, or null
 * @param endpoints the endpoints, at least one
 */
public record ServiceSpec(
    String name,
    String version,
    int replicas,
    int workers,
    Integer queueLimit,
    Distribution startup,
    PlacementSpec placement,
    AutoscalerSpec autoscaler,
    List<EndpointSpec> endpoints) {
  /** Validates the service and fills defaults. */
  public ServiceSpec {
    Check.simpleName("name", name);
    version = version == null ? "1" : version;
    Check.atLeast("replicas", replicas, 0);
    Check.atLeast("workers", workers, 1);
    queueLimit =
        Check.atLeast("queueLimit", queueLimit == null ? Integer.MAX_VALUE : queueLimit, 0);
    startup = startup == null ? new Distribution.Constant(0) : startup;
    endpoints = Check.list(endpoints);
    if (endpoints.isEmpty()) {
      throw Check.fail("endpoints", "must list at least one endpoint");
    }
  }

  /** A service with one replica, no placement and no autoscaler. */
  public static ServiceSpec of(String name, int workers, EndpointSpec... endpoints) {
    return new ServiceSpec(name, "1", 1, workers, null, null, null, null, List.of(endpoints));
  }
}
