package io.rehearsal.sandbox.mapping;

import io.rehearsal.proto.v1.Target;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SpecIndex;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;

/** Resolves contract {@link Target}s to the twin's names, failing with the request path. */
final class Targets {

  private final TwinSpec spec;

  Targets(TwinSpec spec) {
    this.spec = spec;
  }

  /** The service a target names; it must exist. */
  String service(Target t, String field) {
    if (t.getService().isEmpty()) {
      throw new InvalidRequestException(field + ".service", "must name a service, but was empty");
    }
    if (spec.index().service(t.getService()) < 0) {
      throw new InvalidRequestException(
          field + ".service", "unknown service '" + t.getService() + "'");
    }
    return t.getService();
  }

  /** The service's spec. */
  ServiceSpec serviceSpec(String name) {
    return spec.services().get(spec.index().service(name));
  }

  /** {@code service/endpoint} of a target with both set; the endpoint must exist. */
  String endpoint(Target t, String field) {
    String name = service(t, field) + "/" + t.getEndpoint();
    if (t.getEndpoint().isEmpty() || spec.index().endpoint(name) < 0) {
      throw new InvalidRequestException(field + ".endpoint", "unknown endpoint '" + name + "'");
    }
    return name;
  }

  /** The endpoints a target covers: its endpoint, or every endpoint of its service. */
  List<String> endpoints(Target t, String field) {
    if (!t.getEndpoint().isEmpty()) {
      return List.of(endpoint(t, field));
    }
    String service = service(t, field);
    List<String> out = new ArrayList<>();
    for (EndpointSpec e : serviceSpec(service).endpoints()) {
      out.add(service + "/" + e.name());
    }
    return out;
  }

  /** The entry endpoints (with traffic) a target covers; {@code *} for an empty target. */
  List<String> entries(Target t, String field) {
    if (t.getService().isEmpty() && t.getEndpoint().isEmpty()) {
      return List.of("*");
    }
    List<String> covered = endpoints(t, field);
    List<String> out = new ArrayList<>();
    for (TrafficSpec traffic : spec.traffic()) {
      if (covered.contains(traffic.endpoint())) {
        out.add(traffic.endpoint());
      }
    }
    if (out.isEmpty()) {
      throw new InvalidRequestException(
          field, "no entry endpoint (one with traffic) among " + covered);
    }
    return out;
  }

  /** A region; it must exist. */
  String region(String name, String field) {
    if (spec.index().region(name) < 0) {
      throw new InvalidRequestException(field, "unknown region '" + name + "'");
    }
    return name;
  }

  /** A cache named by the target's dependency (or service) field; it must exist. */
  String cache(Target t, String field) {
    String name = t.getDependency().isEmpty() ? t.getService() : t.getDependency();
    SpecIndex.Target found = spec.index().target(name);
    if (found == null || found.kind() != SpecIndex.TargetKind.CACHE) {
      throw new InvalidRequestException(field + ".dependency", "unknown cache '" + name + "'");
    }
    return name;
  }
}
