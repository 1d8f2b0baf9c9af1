package io.rehearsal.twin.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * The digital twin of a system: what runs where, how it calls what, and the traffic it receives.
 * Immutable and validated on construction (names unique, references resolved, call graph acyclic);
 * read and written as YAML or JSON by {@link TwinSpecs}. All times are in seconds.
 *
 * @param name name of the modelled system
 * @param version spec version label
 * @param hosts machines whose CPU cores are shared by the replicas placed on them
 * @param regions regions with entry-traffic weights (empty: one implicit region)
 * @param links one-way network latency between regions
 * @param services the modelled services
 * @param dependencies external dependencies
 * @param caches caches
 * @param databases databases
 * @param traffic open-loop traffic per entry endpoint
 * @param sessions closed-loop user sessions
 * @param slos service-level objectives
 */
public record TwinSpec(
    String name,
    String version,
    List<HostSpec> hosts,
    List<RegionSpec> regions,
    List<LinkSpec> links,
    List<ServiceSpec> services,
    List<DependencySpec> dependencies,
    List<CacheSpec> caches,
    List<DatabaseSpec> databases,
    List<TrafficSpec> traffic,
    List<SessionSpec> sessions,
    List<SloSpec> slos) {

  /** Copies the lists and validates the whole spec. */
  public TwinSpec {
    if (name == null || name.isBlank()) {
      throw new io.rehearsal.twin.spec.InvalidSpecException(
          "name: must not be blank, but was " + name);
    }
    version = version == null ? "1" : version;
    hosts = copy(hosts);
    regions = copy(regions);
    links = copy(links);
    services = copy(services);
    dependencies = copy(dependencies);
    caches = copy(caches);
    databases = copy(databases);
    traffic = copy(traffic);
    sessions = copy(sessions);
    slos = copy(slos);
    SpecValidator.validate(
        new SpecIndex.Parts(
            hosts,
            regions,
            links,
            services,
            dependencies,
            caches,
            databases,
            traffic,
            sessions,
            slos));
  }

  private static <T> List<T> copy(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** The same system under other load: these traffic sources and session models. */
  public TwinSpec withLoad(List<TrafficSpec> traffic, List<SessionSpec> sessions) {
    return new TwinSpec(
        name,
        version,
        hosts,
        regions,
        links,
        services,
        dependencies,
        caches,
        databases,
        traffic,
        sessions,
        slos);
  }

  /** The same spec with these services in place of its own. */
  public TwinSpec withServices(List<ServiceSpec> services) {
    return new TwinSpec(
        name,
        version,
        hosts,
        regions,
        links,
        services,
        dependencies,
        caches,
        databases,
        traffic,
        sessions,
        slos);
  }

  /** The same spec judged by these SLOs instead of its own. */
  public TwinSpec withSlos(List<SloSpec> slos) {
    return new TwinSpec(
        name,
        version,
        hosts,
        regions,
        links,
        services,
        dependencies,
        caches,
        databases,
        traffic,
        sessions,
        slos);
  }

  /** Name lookups over this spec (built on each call; cache it on hot paths). */
  @JsonIgnore
  public SpecIndex index() {
    return SpecIndex.of(
        new SpecIndex.Parts(
            hosts,
            regions,
            links,
            services,
            dependencies,
            caches,
            databases,
            traffic,
            sessions,
            slos));
  }

  /** Starts a builder for a spec with the given name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects the parts of a spec; {@link #build()} validates them. */
  public static final class Builder {
    private final String name;
    private final List<HostSpec> hosts = new ArrayList<>();
    private final List<RegionSpec> regions = new ArrayList<>();
    private final List<LinkSpec> links = new ArrayList<>();
    private final List<ServiceSpec> services = new ArrayList<>();
    private final List<DependencySpec> dependencies = new ArrayList<>();
    private final List<CacheSpec> caches = new ArrayList<>();
    private final List<DatabaseSpec> databases = new ArrayList<>();
    private final List<TrafficSpec> traffic = new ArrayList<>();
    private final List<SessionSpec> sessions = new ArrayList<>();
    private final List<SloSpec> slos = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Adds a host. */
    public Builder host(HostSpec host) {
      hosts.add(host);
      return this;
    }

    /** Adds a region. */
    public Builder region(RegionSpec region) {
      regions.add(region);
      return this;
    }

    /** Adds a network link. */
    public Builder link(LinkSpec link) {
      links.add(link);
      return this;
    }

    /** Adds a service. */
    public Builder service(ServiceSpec service) {
      services.add(service);
      return this;
    }

    /** Adds an external dependency. */
    public Builder dependency(DependencySpec dependency) {
      dependencies.add(dependency);
      return this;
    }

    /** Adds a cache. */
    public Builder cache(CacheSpec cache) {
      caches.add(cache);
      return this;
    }

    /** Adds a database. */
    public Builder database(DatabaseSpec database) {
      databases.add(database);
      return this;
    }

    /** Adds a traffic source. */
    public Builder traffic(TrafficSpec source) {
      traffic.add(source);
      return this;
    }

    /** Adds a session model. */
    public Builder session(SessionSpec session) {
      sessions.add(session);
      return this;
    }

    /** Adds an SLO. */
    public Builder slo(SloSpec slo) {
      slos.add(slo);
      return this;
    }

    /** Validates and returns the spec. */
    public TwinSpec build() {
      return new TwinSpec(
          name,
          "1",
          hosts,
          regions,
          links,
          services,
          dependencies,
          caches,
          databases,
          traffic,
          sessions,
          slos);
    }
  }
}
