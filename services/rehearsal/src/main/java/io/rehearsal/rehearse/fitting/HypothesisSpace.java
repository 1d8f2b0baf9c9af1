package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.spec.CacheSpec;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SpecIndex;
import io.rehearsal.twin.spec.SpecIndex.Target;
import io.rehearsal.twin.spec.SpecIndex.TargetKind;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pruned hypothesis space. An endpoint is symptomatic when its observed series differ from the
 * twin's fault-free run by more than max({@link #SYMPTOM_FLOOR}, {@link #SYMPTOM_SHARE} x the
 * largest deviation) (mean squared residual per bucket, see {@link SymptomDistance}). A fault shows
 * at its target and propagates to the callers, so the search centres on the frontier: symptomatic
 * endpoints none of whose callee endpoints is symptomatic. Tried: latency, added errors and
 * capacity loss (crashed replicas; workers lost in each replica) of every symptomatic endpoint's
 * service (a fault upstream also changes what its callees see, e.g. fewer calls, so the frontier
 * may sit too deep) and of the services a frontier endpoint calls (a callee may fail fast or be
 * timed out without looking slow itself); slowdown (stretched), added delay (shifted) and outage of
 * the dependencies and databases (also behind caches) it calls and of every dependency whose own
 * series (its callers' attempts) is symptomatic; a surge of entry endpoints whose throughput rose,
 * and of all entry endpoints ({@code *}) when more than one rose.
 */
final class HypothesisSpace {
  /** Smallest mean squared residual per bucket that counts as a symptom. */
  static final double SYMPTOM_FLOOR = 0.2;

  /** Share of the largest deviation an endpoint must reach to count as symptomatic. */
  static final double SYMPTOM_SHARE = 0.1;

  private final TwinSpec spec;
  private final SpecIndex index;
  private final Map<String, EndpointSpec> endpoints = new HashMap<>();

  HypothesisSpace(TwinSpec spec) {
    this.spec = spec;
    this.index = spec.index();
    spec.services()
        .forEach(s -> s.endpoints().forEach(e -> endpoints.put(s.name() + "/" + e.name(), e)));
  }

  /** Hypotheses worth simulating, in a deterministic order. */
  List<Hypothesis> prune(Symptoms observed, Symptoms healthy) {
    Set<String> symptomatic = symptomatic(observed, healthy);
    Set<String> services = new HashSet<>();
    Set<String> backends = new TreeSet<>();
    for (String e : symptomatic) {
      EndpointSpec endpoint = endpoints.get(e);
      if (endpoint == null) {
        if (isDependency(e)) {
          backends.add(e);
        }
        continue;
      }
      services.add(serviceOf(e));
      if (endpoint.calls().stream().anyMatch(c -> symptomatic.contains(c.to()))) {
        continue;
      }
      for (CallSpec c : endpoint.calls()) {
        if (endpoints.containsKey(c.to())) {
          services.add(serviceOf(c.to()));
        }
        backends.addAll(backendsOf(c));
      }
    }
    List<Hypothesis> out = new ArrayList<>();
    spec.services().stream()
        .filter(s -> services.contains(s.name()))
        .forEach(s -> out.addAll(serviceHypotheses(s)));
    for (String b : backends) {
      out.addAll(backendHypotheses(b));
    }
    out.addAll(surges(observed, healthy));
    return out;
  }

  /**
   * The hypotheses that name one of {@code seeds} (kind and target), in the seeds' order, with the
   * grids and ranges {@link #prune} gives them: a service's latency, errors, crash and worker loss;
   * a dependency's or database's slowdown, delay and outage; a surge of a service's entry endpoints
   * (each, and all of them when it has several) for a seed naming the service. A seed whose target
   * the twin does not have, or whose kind does not fit the target, gives none.
   */
  List<Hypothesis> seeded(List<HypothesisSeed> seeds) {
    Set<String> seen = new HashSet<>();
    List<Hypothesis> out = new ArrayList<>();
    for (HypothesisSeed seed : seeds) {
      for (Hypothesis h : candidatesFor(seed.target())) {
        if (h.kind() == seed.kind() && seen.add(h.label())) {
          out.add(h);
        }
      }
    }
    return out;
  }

  private List<Hypothesis> candidatesFor(String target) {
    List<Hypothesis> out = new ArrayList<>();
    spec.services().stream()
        .filter(s -> s.name().equals(target))
        .forEach(s -> out.addAll(serviceHypotheses(s)));
    Target t = index.target(target);
    if (t != null && t.kind() != TargetKind.ENDPOINT && t.kind() != TargetKind.CACHE) {
      out.addAll(backendHypotheses(target));
    }
    List<Hypothesis> surges = new ArrayList<>();
    for (TrafficSpec traffic : spec.traffic()) {
      if (traffic.endpoint().startsWith(target + "/")) {
        surges.add(surge(traffic.endpoint()));
      }
    }
    if (surges.size() > 1) {
      surges.add(surge("*"));
    }
    out.addAll(surges);
    return out;
  }

  private static List<Hypothesis> backendHypotheses(String b) {
    return List.of(
        Hypothesis.continuous(FaultKind.DEPENDENCY_SLOWDOWN, b, 1.5, 40, 3, 12),
        Hypothesis.continuous(FaultKind.DEPENDENCY_DELAY, b, 0.005, 5, 0.05, 0.3),
        Hypothesis.fixed(FaultKind.DEPENDENCY_OUTAGE, b, 0, 1));
  }

  private static Hypothesis surge(String endpoint) {
    return Hypothesis.continuous(FaultKind.TRAFFIC_SURGE, endpoint, 1.1, 10, 1.5, 3);
  }

  private boolean isDependency(String name) {
    Target t = index.target(name);
    return t != null && t.kind() == TargetKind.DEPENDENCY;
  }

  private static String serviceOf(String endpoint) {
    return endpoint.substring(0, endpoint.indexOf('/'));
  }

  private static List<Hypothesis> serviceHypotheses(ServiceSpec s) {
    List<Hypothesis> out = new ArrayList<>();
    out.add(Hypothesis.continuous(FaultKind.LATENCY, s.name(), 1.5, 40, 3, 12));
    out.add(Hypothesis.continuous(FaultKind.SERVICE_DELAY, s.name(), 0.005, 5, 0.05, 0.3));
    out.add(Hypothesis.continuous(FaultKind.ERROR_RATE, s.name(), 0.01, 1, 0.05, 0.4));
    int n = s.replicas();
    if (n >= 1) {
      double[] grid =
          new LinkedHashSet<>(List.of(1.0, Math.ceil(n / 2.0), (double) n))
              .stream().mapToDouble(Double::doubleValue).toArray();
      out.add(Hypothesis.fixed(FaultKind.REPLICA_CRASH, s.name(), n, grid));
    }
    int w = s.workers();
    if (w > 1) {
      double[] kept =
          new TreeSet<>(List.of(1.0, Math.ceil(w / 4.0), Math.ceil(w / 2.0)))
              .stream().filter(k -> k < w).mapToDouble(Double::doubleValue).toArray();
      out.add(Hypothesis.fixed(FaultKind.WORKER_LOSS, s.name(), w, kept));
    }
    return out;
  }

  private List<String> backendsOf(CallSpec call) {
    Target t = index.target(call.to());
    if (t == null || t.kind() == TargetKind.ENDPOINT) {
      return List.of();
    }
    if (t.kind() == TargetKind.CACHE) {
      CacheSpec cache = spec.caches().get(t.index());
      return cache.database() == null ? List.of() : List.of(cache.database());
    }
    return List.of(call.to());
  }

  private List<Hypothesis> surges(Symptoms observed, Symptoms healthy) {
    List<Hypothesis> out = new ArrayList<>();
    for (TrafficSpec t : spec.traffic()) {
      int i = indexOf(observed, t.endpoint());
      if (i >= 0 && meanLogThroughputRatio(observed, healthy, i) > 0.1) {
        out.add(surge(t.endpoint()));
      }
    }
    if (out.size() > 1) {
      out.add(surge("*"));
    }
    return out;
  }

  static Set<String> symptomatic(Symptoms observed, Symptoms healthy) {
    double[] d = new double[observed.endpoints().size()];
    double max = 0;
    for (int e = 0; e < d.length; e++) {
      d[e] =
          SymptomDistance.loss(
                  observed.endpoints().get(e).points(), healthy.endpoints().get(e).points())
              / observed.buckets();
      max = Math.max(max, d[e]);
    }
    double threshold = Math.max(SYMPTOM_FLOOR, SYMPTOM_SHARE * max);
    Set<String> out = new LinkedHashSet<>();
    for (int e = 0; e < d.length; e++) {
      if (d[e] > threshold) {
        out.add(observed.endpoints().get(e).endpoint());
      }
    }
    return out;
  }

  private static double meanLogThroughputRatio(Symptoms observed, Symptoms healthy, int e) {
    double sum = 0;
    List<SymptomPoint> o = observed.endpoints().get(e).points();
    List<SymptomPoint> h = healthy.endpoints().get(e).points();
    for (int i = 0; i < o.size(); i++) {
      sum += Math.log((o.get(i).throughput() + 0.1) / (h.get(i).throughput() + 0.1));
    }
    return sum / o.size();
  }

  private static int indexOf(Symptoms s, String endpoint) {
    for (int i = 0; i < s.endpoints().size(); i++) {
      if (s.endpoints().get(i).endpoint().equals(endpoint)) {
        return i;
      }
    }
    return -1;
  }
}
