package io.rehearsal.shop;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every process listens: ports are assigned in overlay order from a base port, services first
 * (replica 1..n), then dependencies. Every process derives the same plan from the same overlay, so
 * no registry is needed.
 *
 * @param processes all processes in start order
 */
public record Topology(List<ProcessSpec> processes) {

  /** Copies. */
  public Topology {
    processes = List.copyOf(processes);
  }

  /** The plan for an overlay and a base port. */
  public static Topology plan(Overlay overlay, int basePort) {
    Overlay.require(basePort > 1024 && basePort < 65000, "basePort out of range: " + basePort);
    List<ProcessSpec> out = new ArrayList<>();
    overlay
        .services()
        .forEach(
            (name, spec) -> {
              for (int r = 1; r <= spec.replicas(); r++) {
                out.add(new ProcessSpec(name, name + "-" + r, basePort + out.size()));
              }
            });
    overlay
        .dependencies()
        .keySet()
        .forEach(name -> out.add(new ProcessSpec(name, name + "-1", basePort + out.size())));
    return new Topology(out);
  }

  /** The process of an instance id such as {@code catalog-2}. */
  public ProcessSpec instance(String instance) {
    return processes.stream()
        .filter(p -> p.instance().equals(instance))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such instance: " + instance));
  }

  /** Base URIs of every replica of a service, in replica order. */
  public List<URI> replicas(String service) {
    List<URI> uris =
        processes.stream()
            .filter(p -> p.service().equals(service))
            .map(p -> URI.create("http://127.0.0.1:" + p.port()))
            .toList();
    Overlay.require(!uris.isEmpty(), "no replicas of " + service);
    return uris;
  }

  /**
   * One process.
   *
   * @param service service name (OTel service.name)
   * @param instance instance id (OTel service.instance.id)
   * @param port loopback port
   */
  public record ProcessSpec(String service, String instance, int port) {}
}
