package io.rehearsal.twin.spec;

import java.util.List;

/**
 * Where a service's replicas run: replica i is placed on {@code hosts[i % hosts.size()]}; its CPU
 * demand is served by the host's processor sharing, capped at {@code cpuLimit} cores.
 *
 * @param hosts host names, at least one
 * @param cpuRequest CPU request in cores (weights the scheduler's share; reported as cost)
 * @param cpuLimit CPU limit in cores (the most one replica can use)
 */
public record PlacementSpec(List<String> hosts, double cpuRequest, double cpuLimit) {
  /** Validates the placement. */
  public PlacementSpec {
    hosts = Check.list(hosts);
    if (hosts.isEmpty()) {
      throw Check.fail("hosts", "must name at least one host");
    }
    Check.nonNegative("cpuRequest", cpuRequest);
    Check.positive("cpuLimit", cpuLimit);
    if (cpuRequest > cpuLimit) {
      throw Check.fail(
          "cpuRequest", "must be <= cpuLimit (" + cpuLimit + "), but was " + cpuRequest);
    }
  }
}
