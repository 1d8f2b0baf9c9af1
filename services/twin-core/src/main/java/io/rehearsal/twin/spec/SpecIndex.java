package io.rehearsal.twin.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Name lookups over a validated spec's parts: endpoint references {@code service/endpoint} and the
 * flat namespace of dependencies, caches and databases. Built once at load time.
 */
public final class SpecIndex {
  /** What a call target names. */
  public enum TargetKind {
    /** An endpoint of a modelled service. */
    ENDPOINT,
    /** An external dependency. */
    DEPENDENCY,
    /** A cache. */
    CACHE,
    /** A database. */
    DATABASE
  }

  /** A resolved call target: its kind and its index in the global list of that kind. */
  public record Target(TargetKind kind, int index) {}

  private final Map<String, Integer> services = new HashMap<>();
  private final Map<String, Integer> endpoints = new HashMap<>();
  private final Map<String, Target> backends = new HashMap<>();
  private final Map<String, Integer> hosts = new HashMap<>();
  private final Map<String, Integer> regions = new HashMap<>();

  SpecIndex(Parts parts) {
    int e = 0;
    for (int s = 0; s < parts.services().size(); s++) {
      ServiceSpec service = parts.services().get(s);
      services.put(service.name(), s);
      for (EndpointSpec endpoint : service.endpoints()) {
        endpoints.put(service.name() + "/" + endpoint.name(), e++);
      }
    }
    put(parts.dependencies(), TargetKind.DEPENDENCY, DependencySpec::name);
    put(parts.caches(), TargetKind.CACHE, CacheSpec::name);
    put(parts.databases(), TargetKind.DATABASE, DatabaseSpec::name);
    for (int i = 0; i < parts.hosts().size(); i++) {
      hosts.put(parts.hosts().get(i).name(), i);
    }
    for (int i = 0; i < parts.regions().size(); i++) {
      regions.put(parts.regions().get(i).name(), i);
    }
  }

  /** Builds the index of a spec's parts. */
  public static SpecIndex of(Parts parts) {
    return new SpecIndex(parts);
  }

  private <T> void put(
      List<T> items, TargetKind kind, java.util.function.Function<T, String> name) {
    for (int i = 0; i < items.size(); i++) {
      backends.putIfAbsent(name.apply(items.get(i)), new Target(kind, i));
    }
  }

  /** Global index of a {@code service/endpoint} reference, or -1. */
  public int endpoint(String reference) {
    return endpoints.getOrDefault(reference, -1);
  }

  /** Index of a service, or -1. */
  public int service(String name) {
    return services.getOrDefault(name, -1);
  }

  /** Index of a host, or -1. */
  public int host(String name) {
    return hosts.getOrDefault(name, -1);
  }

  /** Index of a region, or -1. */
  public int region(String name) {
    return regions.getOrDefault(name, -1);
  }

  /** Resolves a call target, or returns null if it names nothing. */
  public Target target(String to) {
    int e = endpoint(to);
    return e >= 0 ? new Target(TargetKind.ENDPOINT, e) : backends.get(to);
  }

  /** The parts of a twin spec that the index and the validator look at. */
  public record Parts(
      List<HostSpec> hosts,
      List<RegionSpec> regions,
      List<LinkSpec> links,
      List<ServiceSpec> services,
      List<DependencySpec> dependencies,
      List<CacheSpec> caches,
      List<DatabaseSpec> databases,
      List<TrafficSpec> traffic,
      List<SessionSpec> sessions,
      List<SloSpec> slos) {}
}
