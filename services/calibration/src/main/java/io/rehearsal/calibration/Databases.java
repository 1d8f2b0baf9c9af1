package io.rehearsal.calibration;

import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.twin.spec.DatabaseSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Databases from the CLIENT spans that name a database system ({@code db.system} or {@code
 * db.system.name}): their query latency as measured by the caller, and a connection pool from, in
 * this order, the overlay ({@code databases.<name or calling service>.connections}), the callers'
 * pool metric ({@code db.client.connections.max}, when one service calls the database), or the most
 * queries seen in flight at once scaled up by the trace sampling (a lower bound).
 */
final class Databases {
  static final String POOL_METRIC = "db.client.connections.max";

  private Databases() {}

  static DatabaseSpec spec(
      DependencyCalibration d,
      List<ServedRequest> requests,
      List<MetricPoint> metrics,
      Overlay overlay,
      Sampling sampling,
      List<String> notes) {
    Set<String> callers = new TreeSet<>();
    List<Attempt> attempts = new ArrayList<>();
    for (ServedRequest r : requests) {
      for (Call c : r.calls()) {
        if (c.target().equals(d.name())) {
          callers.add(r.span().service());
          attempts.addAll(c.attempts());
        }
      }
    }
    String caller = callers.size() == 1 ? callers.iterator().next() : null;
    Overlay.DatabaseOverlay facts = overlay.databases().get(d.name());
    if (facts == null && caller != null) {
      facts = overlay.databases().get(caller);
    }
    int connections;
    String source;
    if (facts != null && facts.connections() != null) {
      connections = facts.connections();
      source = "the overlay";
    } else if (caller != null && poolSize(metrics, caller) > 0) {
      connections = poolSize(metrics, caller);
      source = POOL_METRIC + " of " + caller;
    } else {
      double kept = caller == null ? sampling.fallback() : sampling.kept(caller);
      connections = Math.max(1, (int) Math.ceil(inFlight(attempts) / kept));
      source = "the most queries in flight, scaled by the sampling (a lower bound)";
    }
    notes.add(
        "database "
            + d.name()
            + " (called by "
            + callers
            + "): "
            + d.attempts()
            + " queries, pool of "
            + connections
            + " from "
            + source);
    return new DatabaseSpec(d.name(), d.latency().distribution(), connections, null);
  }

  private static int poolSize(List<MetricPoint> metrics, String service) {
    return (int)
        metrics.stream()
            .filter(p -> p.service().equals(service) && p.name().equals(POOL_METRIC))
            .mapToDouble(MetricPoint::value)
            .max()
            .orElse(0);
  }

  private static int inFlight(List<Attempt> attempts) {
    List<long[]> events = new ArrayList<>();
    for (Attempt a : attempts) {
      events.add(new long[] {a.startNanos(), 1});
      events.add(new long[] {a.endNanos(), -1});
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

  /** Whether {@code name} is one of the databases of {@code index}. */
  static boolean isDatabase(TraceIndex index, String name) {
    return index.databases().contains(name);
  }

  /** Checks overlay database keys: each names a database or a service that calls one. */
  static void checkNames(Overlay overlay, TraceIndex index, Map<String, ?> byService) {
    for (String key : overlay.databases().keySet()) {
      if (!index.databases().contains(key) && !byService.containsKey(key)) {
        throw OverlayException.at(
            "databases." + key,
            "unknown database or service '"
                + key
                + "'; the telemetry has databases "
                + index.databases());
      }
    }
  }
}
