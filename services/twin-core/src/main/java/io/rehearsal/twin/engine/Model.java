package io.rehearsal.twin.engine;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.AutoscalerSpec;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.LinkSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SpecIndex;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link TwinSpec} compiled into flat arrays indexed by small ints (endpoints, calls, services,
 * hosts, regions, backends). Immutable; shared by all replications of an experiment.
 */
final class Model {
  // Call kinds (Calls.kind), as ints for the hot path's switch. They are the ordinals of
  // SpecIndex.TargetKind, constant for constant; callKind maps one to the other and
  // OrdinalCouplingTest fails if the two lists stop lining up.

  /** A call to an endpoint of a modelled service ({@link SpecIndex.TargetKind#ENDPOINT}). */
  static final int ENDPOINT = 0;

  /** A call to an external dependency ({@link SpecIndex.TargetKind#DEPENDENCY}). */
  static final int DEPENDENCY = 1;

  /** A call to a cache ({@link SpecIndex.TargetKind#CACHE}). */
  static final int CACHE = 2;

  /** A call to a database ({@link SpecIndex.TargetKind#DATABASE}). */
  static final int DATABASE = 3;

  final TwinSpec spec;
  final SpecIndex index;
  final Endpoints endpoints;
  final Calls calls;
  final int services;
  final String[] serviceName;
  final int[] workers;
  final int[] queueLimit;
  final int[] initialReplicas;
  final Sampler[] startup;
  final int[][] placementHosts;
  final double[] cpuLimit;
  final double[] cpuRequest;
  final AutoscalerSpec[] autoscaler;
  final double[] hostCores;
  final boolean[] hostFifo;
  final int[] hostRegion;
  final int regions;
  final double[] regionWeight;

  /** One-way latency between regions, {@code [from * regions + to]}. */
  final double[] linkLatency;

  Model(TwinSpec spec) {
    this.spec = spec;
    this.index = spec.index();
    this.endpoints = new Endpoints(spec);
    this.calls = new Calls(spec, index, endpoints);
    List<ServiceSpec> list = spec.services();
    services = list.size();
    serviceName = list.stream().map(ServiceSpec::name).toArray(String[]::new);
    workers = list.stream().mapToInt(ServiceSpec::workers).toArray();
    queueLimit = list.stream().mapToInt(ServiceSpec::queueLimit).toArray();
    initialReplicas = list.stream().mapToInt(ServiceSpec::replicas).toArray();
    startup = list.stream().map(s -> Sampler.of(s.startup())).toArray(Sampler[]::new);
    placementHosts = list.stream().map(this::hostsOf).toArray(int[][]::new);
    cpuLimit =
        list.stream()
            .mapToDouble(s -> s.placement() == null ? 0 : s.placement().cpuLimit())
            .toArray();
    cpuRequest =
        list.stream()
            .mapToDouble(s -> s.placement() == null ? 0 : s.placement().cpuRequest())
            .toArray();
    autoscaler = list.stream().map(ServiceSpec::autoscaler).toArray(AutoscalerSpec[]::new);
    hostCores = spec.hosts().stream().mapToDouble(h -> h.cores()).toArray();
    hostFifo = new boolean[hostCores.length];
    for (int h = 0; h < hostFifo.length; h++) {
      hostFifo[h] = spec.hosts().get(h).fifo();
    }
    hostRegion =
        spec.hosts().stream()
            .mapToInt(h -> h.region() == null ? 0 : index.region(h.region()))
            .toArray();
    regions = Math.max(1, spec.regions().size());
    regionWeight =
        spec.regions().isEmpty()
            ? new double[] {1}
            : spec.regions().stream().mapToDouble(r -> r.weight()).toArray();
    linkLatency = links(spec, index, regions);
  }

  private int[] hostsOf(ServiceSpec service) {
    if (service.placement() == null) {
      return new int[0];
    }
    return service.placement().hosts().stream().mapToInt(index::host).toArray();
  }

  private static double[] links(TwinSpec spec, SpecIndex index, int regions) {
    double[] latency = new double[regions * regions];
    for (LinkSpec link : spec.links()) {
      int from = index.region(link.from());
      int to = index.region(link.to());
      latency[from * regions + to] = link.latency();
      if (latency[to * regions + from] == 0) {
        latency[to * regions + from] = link.latency();
      }
    }
    return latency;
  }

  /**
   * The call kind of a target kind. A switch, not {@code ordinal()}: a new target kind fails to
   * compile here until it has a call kind (and a branch in {@code CallFlow.attempt}).
   */
  static int callKind(SpecIndex.TargetKind kind) {
    return switch (kind) {
      case ENDPOINT -> Model.ENDPOINT;
      case DEPENDENCY -> Model.DEPENDENCY;
      case CACHE -> Model.CACHE;
      case DATABASE -> Model.DATABASE;
    };
  }

  /** The region of the {@code ordinal}-th replica of a service. */
  int regionOfReplica(int service, int ordinal) {
    int[] hosts = placementHosts[service];
    return hosts.length > 0 ? hostRegion[hosts[ordinal % hosts.length]] : ordinal % regions;
  }

  /** The host of the {@code ordinal}-th replica of a service, or -1 without placement. */
  int hostOfReplica(int service, int ordinal) {
    int[] hosts = placementHosts[service];
    return hosts.length > 0 ? hosts[ordinal % hosts.length] : -1;
  }

  /** Per-endpoint arrays. */
  static final class Endpoints {
    final int count;
    final String[] name;
    final int[] service;
    final Sampler[] self;
    final double[] cpuFraction;
    final double[] errorProbability;
    final boolean[] blocking;

    Endpoints(TwinSpec spec) {
      List<String> names = new ArrayList<>();
      List<EndpointSpec> list = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      for (int s = 0; s < spec.services().size(); s++) {
        for (EndpointSpec e : spec.services().get(s).endpoints()) {
          names.add(spec.services().get(s).name() + "/" + e.name());
          list.add(e);
          owners.add(s);
        }
      }
      count = list.size();
      name = names.toArray(String[]::new);
      service = owners.stream().mapToInt(Integer::intValue).toArray();
      self = list.stream().map(e -> Sampler.of(e.selfTime())).toArray(Sampler[]::new);
      cpuFraction = list.stream().mapToDouble(EndpointSpec::cpuFraction).toArray();
      errorProbability = list.stream().mapToDouble(EndpointSpec::errorProbability).toArray();
      blocking = new boolean[count];
      for (int e = 0; e < count; e++) {
        blocking[e] = list.get(e).blocking();
      }
    }
  }

  /** Per-call arrays; an endpoint's calls are contiguous and sorted by group. */
  static final class Calls {
    final int count;
    final int[][] groups;
    final int[] from;
    final int[] kind;
    final int[] target;
    final double[] probability;
    final boolean[] optional;
    final CallSpec[] spec;
    final String[] name;

    Calls(TwinSpec twin, SpecIndex index, Endpoints endpoints) {
      List<CallSpec> all = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      groups = new int[endpoints.count][];
      int e = 0;
      for (ServiceSpec service : twin.services()) {
        for (EndpointSpec endpoint : service.endpoints()) {
          List<CallSpec> sorted = new ArrayList<>(endpoint.calls());
          sorted.sort(Comparator.comparingInt(CallSpec::group));
          groups[e] = boundaries(sorted, all.size());
          all.addAll(sorted);
          for (int i = 0; i < sorted.size(); i++) {
            owners.add(e);
          }
          e++;
        }
      }
      count = all.size();
      spec = all.toArray(CallSpec[]::new);
      from = owners.stream().mapToInt(Integer::intValue).toArray();
      kind = all.stream().mapToInt(c -> callKind(index.target(c.to()).kind())).toArray();
      target = all.stream().mapToInt(c -> index.target(c.to()).index()).toArray();
      probability = all.stream().mapToDouble(CallSpec::probability).toArray();
      optional = new boolean[count];
      name = new String[count];
      for (int c = 0; c < count; c++) {
        optional[c] = spec[c].optional();
        name[c] = endpoints.name[from[c]] + " -> " + spec[c].to();
      }
    }

    private static int[] boundaries(List<CallSpec> sorted, int offset) {
      List<Integer> starts = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        if (i == 0 || sorted.get(i).group() != sorted.get(i - 1).group()) {
          starts.add(offset + i);
        }
      }
      starts.add(offset + sorted.size());
      return starts.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  ArrivalPattern[] trafficPatterns() {
    return spec.traffic().stream().map(t -> t.arrivals()).toArray(ArrivalPattern[]::new);
  }

  int[] trafficEndpoints() {
    return spec.traffic().stream().mapToInt(t -> index.endpoint(t.endpoint())).toArray();
  }
}
