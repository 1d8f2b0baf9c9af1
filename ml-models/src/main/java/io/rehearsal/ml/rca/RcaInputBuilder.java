package io.rehearsal.ml.rca;

import io.rehearsal.ml.incident.Symptom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects per-request observations of a recording (or of the detector's recent telemetry) and
 * summarises them into an {@link RcaInput} for two windows. The caller walks the traces: self time
 * and "failed although no call failed" need the parent/child links, which this class does not see.
 * Observations outside both windows are ignored. Not thread-safe.
 */
public final class RcaInputBuilder {
  private final RcaWindows windows;
  private final Map<String, Sample[]> endpoints = new TreeMap<>();
  private final Map<String, Sample[]> calls = new TreeMap<>();
  private final Map<String, Service> services = new TreeMap<>();
  private final Set<String> serving = new HashSet<>();
  private final Map<String, TreeSet<CallStats.Route>> routes = new HashMap<>();

  /** A builder for these windows. */
  public RcaInputBuilder(RcaWindows windows) {
    this.windows = java.util.Objects.requireNonNull(windows, "windows");
  }

  /**
   * One served request.
   *
   * @param selfMs its duration minus the time its calls took
   * @param ownError whether it failed although none of its calls failed
   */
  public RcaInputBuilder served(
      String service,
      String endpoint,
      long endMillis,
      double durationMs,
      double selfMs,
      boolean error,
      boolean ownError) {
    serving.add(service);
    Sample s = pick(endpoints, service + '\u0000' + endpoint, endMillis);
    if (s != null) {
      s.add(durationMs, Math.max(0, selfMs), error, ownError && error, false);
    }
    return this;
  }

  /**
   * One call made by {@code caller}'s endpoint {@code callerEndpoint} to {@code callee} (a service
   * or an external dependency).
   *
   * @param calleeEndpoint the endpoint that answered, empty when none did or for a dependency
   * @param answered whether a server span of the callee answered it
   * @param httpStatus the response status, 0 when none
   */
  public RcaInputBuilder called(
      String caller,
      String callerEndpoint,
      String callee,
      String calleeEndpoint,
      long endMillis,
      double durationMs,
      boolean error,
      boolean answered,
      int httpStatus) {
    Sample s = pick(calls, caller + '\u0000' + callee, endMillis);
    if (s != null) {
      routes
          .computeIfAbsent(caller + '\u0000' + callee, k -> new TreeSet<>())
          .add(new CallStats.Route(callerEndpoint, calleeEndpoint));
      s.add(durationMs, durationMs, error, error && !answered, httpStatus == 429);
    }
    return this;
  }

  /** That an instance of {@code service} running {@code version} reported at {@code timeMillis}. */
  public RcaInputBuilder instance(
      String service, String instance, String version, long timeMillis) {
    Service s = services.computeIfAbsent(service, k -> new Service());
    if (windows.before(timeMillis) || windows.during(timeMillis)) {
      int second = (int) ((timeMillis - windows.beforeFrom()) / 1000);
      s.reports.computeIfAbsent(instance, k -> new BitSet()).set(second);
    }
    if (windows.before(timeMillis)) {
      s.instancesBefore.add(instance);
      s.versionsBefore.add(version);
    } else if (windows.during(timeMillis)) {
      s.versionsDuring.add(version);
      if (windows.late(timeMillis)) {
        s.instancesLate.add(instance);
      }
    }
    return this;
  }

  /** One instance's gauge value at {@code timeMillis}; non-finite values are ignored. */
  public RcaInputBuilder gauge(String service, Gauge gauge, long timeMillis, double value) {
    if (!Double.isFinite(value)) {
      return this;
    }
    Service s = services.computeIfAbsent(service, k -> new Service());
    int w = windows.before(timeMillis) ? 0 : windows.during(timeMillis) ? 1 : -1;
    if (w >= 0) {
      double[] sums = s.gauges.computeIfAbsent(gauge, g -> new double[4]);
      sums[w * 2] += value;
      sums[w * 2 + 1]++;
    }
    return this;
  }

  private Sample pick(Map<String, Sample[]> map, String key, long t) {
    int w = windows.before(t) ? 0 : windows.during(t) ? 1 : -1;
    if (w < 0) {
      return null;
    }
    return map.computeIfAbsent(key, k -> new Sample[] {new Sample(), new Sample()})[w];
  }

  /** The input for ranking the suspects of this incident. */
  public RcaInput build(String incidentId, List<Symptom> symptoms) {
    double b = windows.beforeSeconds();
    double d = windows.duringSeconds();
    List<EndpointStats> eps = new ArrayList<>();
    endpoints.forEach(
        (k, s) -> {
          String[] parts = k.split("\u0000", 2);
          eps.add(new EndpointStats(parts[0], parts[1], s[0].stats(b), s[1].stats(d)));
        });
    List<CallStats> edges = new ArrayList<>();
    calls.forEach(
        (k, s) -> {
          String[] parts = k.split("\u0000", 2);
          boolean dependency = !serving.contains(parts[1]);
          List<CallStats.Route> seen =
              routes.getOrDefault(k, new TreeSet<>()).stream()
                  .filter(r -> dependency || !r.calleeEndpoint().isEmpty())
                  .toList();
          edges.add(
              new CallStats(parts[0], parts[1], dependency, s[0].stats(b), s[1].stats(d), seen));
        });
    List<ServiceState> states = new ArrayList<>();
    services.forEach((name, s) -> states.add(s.state(name)));
    return new RcaInput(incidentId, symptoms, eps, edges, states);
  }

  private static final class Service {
    final Set<String> instancesBefore = new TreeSet<>();
    final Set<String> instancesLate = new TreeSet<>();
    final Set<String> versionsBefore = new TreeSet<>();
    final Set<String> versionsDuring = new TreeSet<>();
    final Map<Gauge, double[]> gauges = new EnumMap<>(Gauge.class);
    final Map<String, BitSet> reports = new TreeMap<>();

    ServiceState state(String name) {
      String silent = "";
      int longest = 0;
      for (Map.Entry<String, BitSet> e : reports.entrySet()) {
        int gap = longestGap(e.getKey(), e.getValue());
        if (gap > longest) {
          longest = gap;
          silent = e.getKey();
        }
      }
      return new ServiceState(
          name,
          instancesBefore.size(),
          instancesLate.size(),
          mean(Gauge.WORKERS, 0),
          mean(Gauge.WORKERS, 1),
          mean(Gauge.QUEUE, 0),
          mean(Gauge.QUEUE, 1),
          versionsBefore,
          versionsDuring,
          silent,
          longest);
    }

    /**
     * The longest run of seconds in which {@code instance} did not report after it had, while
     * another instance of the service did report within the run (the service was alive).
     */
    private int longestGap(String instance, BitSet mine) {
      BitSet others = new BitSet();
      reports.forEach((k, v) -> others.or(k.equals(instance) ? new BitSet() : v));
      int longest = 0;
      int last = others.length() - 1;
      for (int at = mine.nextSetBit(0); at >= 0; ) {
        int from = mine.nextClearBit(at);
        int next = mine.nextSetBit(from);
        int to = next < 0 ? last + 1 : next;
        int alive = others.nextSetBit(from);
        if (to > from && alive >= 0 && alive < to) {
          longest = Math.max(longest, to - from);
        }
        at = next;
      }
      return longest;
    }

    private double mean(Gauge g, int window) {
      double[] sums = gauges.get(g);
      return sums == null || sums[window * 2 + 1] == 0
          ? Double.NaN
          : sums[window * 2] / sums[window * 2 + 1];
    }
  }
}
