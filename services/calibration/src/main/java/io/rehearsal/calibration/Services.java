package io.rehearsal.calibration;

import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.PlacementSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a service's spec. Infrastructure comes from the overlay when it states it; otherwise one
 * replica whose worker pool is the most requests the service was ever seen serving at once (a lower
 * bound on its real pool), an unbounded queue, and no CPU model unless the overlay names the host.
 */
final class Services {
  static final String HOST = "host";

  private Services() {}

  static ServiceSpec spec(
      String name,
      List<EndpointSpec> endpoints,
      List<ServedRequest> requests,
      Overlay overlay,
      double cores,
      double kept,
      List<String> notes) {
    Overlay.ServiceOverlay facts = overlay.services().get(name);
    int observedWorkers = Math.max(1, (int) Math.ceil(maxConcurrency(requests) / kept));
    Integer replicas = facts == null ? null : facts.replicas();
    Integer workers = facts == null ? null : facts.workers();
    if (workers == null) {
      notes.add(
          name
              + ": workers not in the overlay; using the most concurrent requests seen"
              + (kept < 1 ? " (scaled by the sampling)" : "")
              + ", "
              + observedWorkers);
    }
    PlacementSpec placement = null;
    if (!Double.isNaN(cores)) {
      Double limit = facts == null ? null : facts.cpuLimit();
      placement =
          new PlacementSpec(List.of(HOST), 0, Math.min(cores, limit == null ? cores : limit));
    }
    return new ServiceSpec(
        name,
        "1",
        replicas == null ? 1 : replicas,
        workers == null ? observedWorkers : workers,
        facts == null ? null : facts.queueLimit(),
        facts == null ? null : facts.startup(),
        placement,
        facts == null ? null : facts.autoscaler(),
        endpoints);
  }

  /** The most SERVER spans of the requests that were open at the same time. */
  static int maxConcurrency(List<ServedRequest> requests) {
    List<long[]> events = new ArrayList<>(requests.size() * 2);
    for (ServedRequest r : requests) {
      events.add(new long[] {r.span().startNanos(), 1});
      events.add(new long[] {r.span().endNanos(), -1});
    }
    events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    int open = 0;
    int max = 0;
    for (long[] e : events) {
      open += (int) e[1];
      max = Math.max(max, open);
    }
    return max;
  }
}
