package io.rehearsal.twin.bench;

import io.rehearsal.twin.spec.CacheSpec;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.DatabaseSpec;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.SessionSpec;
import io.rehearsal.twin.spec.SpecIndex;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A spec's call graph flattened for the lean simulator: stations (one per service, dependency,
 * cache and database) and, per entry endpoint, the pre-order list of station visits a request makes
 * — each visit with its mean service time, the probability that it happens (call probability, cache
 * miss) and where to jump when it does not (past its sub-tree).
 */
final class LeanRoutes {
  static final int UNBOUNDED = Integer.MAX_VALUE;
  final int[] servers;
  final int[] station;
  final double[] mean;
  final double[] probability;
  final int[] skip;
  final int[] routeStart;
  final int[] routeEnd;
  final double[] routeRate;

  private final TwinSpec spec;
  private final SpecIndex index;
  private final int[] endpointService;
  private final List<EndpointSpec> endpoints = new ArrayList<>();
  private final List<int[]> visits = new ArrayList<>();
  private final List<double[]> params = new ArrayList<>();

  LeanRoutes(TwinSpec spec) {
    this.spec = spec;
    this.index = spec.index();
    List<Integer> owners = new ArrayList<>();
    for (int s = 0; s < spec.services().size(); s++) {
      for (EndpointSpec e : spec.services().get(s).endpoints()) {
        endpoints.add(e);
        owners.add(s);
      }
    }
    endpointService = owners.stream().mapToInt(Integer::intValue).toArray();
    servers = stations();
    List<String> entries = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (TrafficSpec t : spec.traffic()) {
      entries.add(t.endpoint());
      rates.add(SpecScaling.meanRate(t.arrivals()));
    }
    for (SessionSpec s : spec.sessions()) {
      for (String step : s.steps()) {
        entries.add(step);
        rates.add(SpecScaling.meanRate(s.starts()));
      }
    }
    routeStart = new int[entries.size()];
    routeEnd = new int[entries.size()];
    routeRate = rates.stream().mapToDouble(Double::doubleValue).toArray();
    for (int i = 0; i < entries.size(); i++) {
      routeStart[i] = visits.size();
      endpoint(index.endpoint(entries.get(i)), 1);
      routeEnd[i] = visits.size();
    }
    station = visits.stream().mapToInt(v -> v[0]).toArray();
    skip = visits.stream().mapToInt(v -> v[1]).toArray();
    mean = params.stream().mapToDouble(p -> p[0]).toArray();
    probability = params.stream().mapToDouble(p -> p[1]).toArray();
  }

  private int[] stations() {
    List<Integer> out = new ArrayList<>();
    spec.services().forEach(s -> out.add(s.replicas() * s.workers()));
    spec.dependencies().forEach(d -> out.add(UNBOUNDED));
    spec.caches().forEach(c -> out.add(UNBOUNDED));
    spec.databases().forEach(d -> out.add(d.connections()));
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int dependencyStation(int d) {
    return spec.services().size() + d;
  }

  private int cacheStation(int c) {
    return dependencyStation(spec.dependencies().size()) + c;
  }

  private int databaseStation(int d) {
    return cacheStation(spec.caches().size()) + d;
  }

  /** Appends a visit; returns its index so that the caller can close its sub-tree. */
  private int visit(int stationIndex, double meanTime, double p) {
    visits.add(new int[] {stationIndex, 0});
    params.add(new double[] {meanTime, p});
    return visits.size() - 1;
  }

  private void close(int visit) {
    visits.get(visit)[1] = visits.size();
  }

  private void endpoint(int e, double p) {
    EndpointSpec endpoint = endpoints.get(e);
    int v = visit(endpointService[e], endpoint.selfTime().mean(), p);
    List<CallSpec> calls = new ArrayList<>(endpoint.calls());
    calls.sort(Comparator.comparingInt(CallSpec::group));
    for (CallSpec call : calls) {
      call(index.target(call.to()), call.probability());
    }
    close(v);
  }

  private void call(SpecIndex.Target target, double p) {
    switch (target.kind()) {
      case ENDPOINT -> endpoint(target.index(), p);
      case DEPENDENCY ->
          close(
              visit(
                  dependencyStation(target.index()),
                  spec.dependencies().get(target.index()).latency().mean(),
                  p));
      case CACHE -> cache(target.index(), p);
      case DATABASE -> database(target.index(), p);
    }
  }

  private void cache(int c, double p) {
    CacheSpec cache = spec.caches().get(c);
    double h = cache.hitRatio();
    int v = visit(cacheStation(c), h * cache.hit().mean() + (1 - h) * cache.miss().mean(), p);
    if (cache.database() != null) {
      database(index.target(cache.database()).index(), 1 - h);
    }
    close(v);
  }

  private void database(int d, double p) {
    DatabaseSpec db = spec.databases().get(d);
    close(visit(databaseStation(d), db.query().mean(), p));
  }

  /** Expected station visits of one request, averaged over the entries by rate. */
  double expectedVisits() {
    double total = 0;
    double rate = 0;
    for (int r = 0; r < routeStart.length; r++) {
      total += routeRate[r] * expected(routeStart[r], routeEnd[r]);
      rate += routeRate[r];
    }
    return rate == 0 ? 0 : total / rate;
  }

  private double expected(int from, int to) {
    double sum = 0;
    for (int v = from; v < to; v = skip[v]) {
      sum += probability[v] * (1 + expected(v + 1, skip[v]));
    }
    return sum;
  }
}
