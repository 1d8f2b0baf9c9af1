package io.rehearsal.twin.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks what the records cannot check alone: unique names, references between parts, fan-out
 * limits and an acyclic call graph. Messages start with the full path of the bad field.
 */
public final class SpecValidator {
  private final SpecIndex.Parts parts;
  private final SpecIndex index;

  private SpecValidator(SpecIndex.Parts parts) {
    this.parts = parts;
    this.index = SpecIndex.of(parts);
  }

  /**
   * Validates the parts of a twin spec.
   *
   * @throws InvalidSpecException naming the first bad path and value
   */
  public static SpecIndex validate(SpecIndex.Parts parts) {
    SpecValidator validator = new SpecValidator(parts);
    validator.checkNames();
    validator.checkServices();
    validator.checkTopology();
    validator.checkWorkload();
    new CallGraph(parts, validator.index).checkAcyclic();
    return validator.index;
  }

  private void checkNames() {
    unique("hosts", parts.hosts(), HostSpec::name);
    unique("regions", parts.regions(), RegionSpec::name);
    unique("services", parts.services(), ServiceSpec::name);
    List<String> backends = new ArrayList<>();
    parts.dependencies().forEach(d -> backends.add(d.name()));
    parts.caches().forEach(c -> backends.add(c.name()));
    parts.databases().forEach(d -> backends.add(d.name()));
    unique("dependencies/caches/databases", backends, Function.identity());
    for (int s = 0; s < parts.services().size(); s++) {
      unique(
          "services[" + s + "].endpoints", parts.services().get(s).endpoints(), EndpointSpec::name);
    }
  }

  private static <T> void unique(String path, List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (!seen.add(name.apply(items.get(i)))) {
        throw fail(path + "[" + i + "].name", "duplicate name '" + name.apply(items.get(i)) + "'");
      }
    }
  }

  private void checkServices() {
    for (int s = 0; s < parts.services().size(); s++) {
      ServiceSpec service = parts.services().get(s);
      String path = "services[" + s + "]";
      if (service.placement() != null) {
        List<String> hosts = service.placement().hosts();
        for (int h = 0; h < hosts.size(); h++) {
          known(
              path + ".placement.hosts[" + h + "]", "host", hosts.get(h), index.host(hosts.get(h)));
        }
      }
      for (int e = 0; e < service.endpoints().size(); e++) {
        checkCalls(path + ".endpoints[" + e + "]", service.endpoints().get(e));
      }
    }
  }

  private void checkCalls(String path, EndpointSpec endpoint) {
    int[] perGroup = new int[1024];
    for (int c = 0; c < endpoint.calls().size(); c++) {
      CallSpec call = endpoint.calls().get(c);
      String callPath = path + ".calls[" + c + "]";
      if (index.target(call.to()) == null) {
        String what = call.to().contains("/") ? "endpoint" : "dependency, cache or database";
        throw fail(callPath + ".to", "unknown " + what + " '" + call.to() + "'");
      }
      if (call.group() >= perGroup.length) {
        throw fail(
            callPath + ".group", "must be < " + perGroup.length + ", but was " + call.group());
      }
      if (++perGroup[call.group()] > EndpointSpec.MAX_PARALLEL) {
        throw fail(
            callPath + ".group",
            "more than " + EndpointSpec.MAX_PARALLEL + " parallel calls in group " + call.group());
      }
    }
  }

  private void checkTopology() {
    for (int h = 0; h < parts.hosts().size(); h++) {
      String region = parts.hosts().get(h).region();
      if (region != null) {
        known("hosts[" + h + "].region", "region", region, index.region(region));
      }
    }
    for (int l = 0; l < parts.links().size(); l++) {
      LinkSpec link = parts.links().get(l);
      known("links[" + l + "].from", "region", link.from(), index.region(link.from()));
      known("links[" + l + "].to", "region", link.to(), index.region(link.to()));
    }
    for (int c = 0; c < parts.caches().size(); c++) {
      String db = parts.caches().get(c).database();
      if (db != null) {
        SpecIndex.Target target = index.target(db);
        if (target == null || target.kind() != SpecIndex.TargetKind.DATABASE) {
          throw fail("caches[" + c + "].database", "unknown database '" + db + "'");
        }
      }
    }
  }

  private void checkWorkload() {
    for (int t = 0; t < parts.traffic().size(); t++) {
      endpointRef("traffic[" + t + "].endpoint", parts.traffic().get(t).endpoint());
    }
    for (int s = 0; s < parts.slos().size(); s++) {
      endpointRef("slos[" + s + "].endpoint", parts.slos().get(s).endpoint());
    }
    for (int s = 0; s < parts.sessions().size(); s++) {
      SessionSpec session = parts.sessions().get(s);
      for (int i = 0; i < session.steps().size(); i++) {
        endpointRef("sessions[" + s + "].steps[" + i + "]", session.steps().get(i));
      }
      if (session.reauth() != null) {
        endpointRef("sessions[" + s + "].reauth", session.reauth());
      }
    }
  }

  private void endpointRef(String path, String reference) {
    known(path, "endpoint", reference, index.endpoint(reference));
  }

  private static void known(String path, String what, String name, int found) {
    if (found < 0) {
      throw fail(path, "unknown " + what + " '" + name + "'");
    }
  }

  static InvalidSpecException fail(String path, String message) {
    return new InvalidSpecException(path + ": " + message);
  }
}
