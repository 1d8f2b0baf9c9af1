package io.rehearsal.sandbox.evaluation;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forks a twin at an incident: the calibrated spec with the replicas and entry traffic in force at
 * the incident. A fork is content-addressed: its canonical bytes are {@link TwinSpecs#toJson} in
 * UTF-8 (a fixed point: parsing and writing them again gives the same bytes), its id their SHA-256,
 * so equal forks share a snapshot and an evaluation names exactly the twin it ran on.
 */
public final class Fork {

  private Fork() {}

  /**
   * The fork of {@code base}: services listed in {@code replicas} get that many replicas, entry
   * endpoints listed in {@code rates} a Poisson arrival rate (other arrival patterns are scaled to
   * that mean rate at time 0).
   *
   * @throws IllegalArgumentException naming an unknown service or entry endpoint
   */
  public static TwinSpec fork(
      TwinSpec base, Map<String, Integer> replicas, Map<String, Double> rates) {
    for (String s : replicas.keySet()) {
      if (base.index().service(s) < 0) {
        throw new IllegalArgumentException("replicas: unknown service '" + s + "'");
      }
    }
    List<ServiceSpec> services = new ArrayList<>();
    for (ServiceSpec s : base.services()) {
      services.add(replicas.containsKey(s.name()) ? withReplicas(s, replicas.get(s.name())) : s);
    }
    List<TrafficSpec> traffic = new ArrayList<>();
    for (TrafficSpec t : base.traffic()) {
      Double rate = rates.get(t.endpoint());
      traffic.add(
          rate == null ? t : new TrafficSpec(t.endpoint(), new ArrivalPattern.Poisson(rate)));
    }
    for (String e : rates.keySet()) {
      if (base.traffic().stream().noneMatch(t -> t.endpoint().equals(e))) {
        throw new IllegalArgumentException("rates: '" + e + "' is not an entry endpoint");
      }
    }
    return base.withServices(services).withLoad(traffic, base.sessions());
  }

  /** The canonical bytes of a twin snapshot. */
  public static byte[] canonical(TwinSpec spec) {
    return TwinSpecs.toJson(spec).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses stored snapshot bytes (canonical JSON, or YAML).
   *
   * @throws io.rehearsal.twin.spec.InvalidSpecException if they are not a valid twin spec
   */
  public static TwinSpec parse(byte[] bytes) {
    return TwinSpecs.fromYaml(new String(bytes, StandardCharsets.UTF_8));
  }

  private static ServiceSpec withReplicas(ServiceSpec s, int replicas) {
    return new ServiceSpec(
        s.name(),
        s.version(),
        replicas,
        s.workers(),
        s.queueLimit(),
        s.startup(),
        s.placement(),
        s.autoscaler(),
        s.endpoints());
  }
}
