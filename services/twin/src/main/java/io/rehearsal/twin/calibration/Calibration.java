package io.rehearsal.twin.calibration;

import io.rehearsal.twin.TwinSpec;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calibrates a {@link TwinSpec} from a recording of spans and metrics, merged with an
 * infrastructure {@link Overlay}:
 *
 * <ul>
 *   <li>SERVER spans give the services and endpoints; CLIENT spans and parent links the calls,
 *       their probability per request and their order (overlapping calls: one parallel group;
 *       disjoint: sequential groups);
 *   <li>self time = span minus the union of its calls, fitted to a distribution with a
 *       Kolmogorov–Smirnov test, else kept as empirical quantiles;
 *   <li>root spans give arrival rates, span status own error probabilities;
 *   <li>process CPU time regressed on per-endpoint completions gives CPU demand per request, hence
 *       the CPU share of the self time (processor sharing of the overlay's host);
 *   <li>calls nobody answered are external dependencies, their 429s a token bucket.
 * </ul>
 *
 * <p>Deterministic: the same recording, overlay and options give the same spec.
 */
public final class Calibration {
  private Calibration() {}

  /**
   * Calibrates a twin.
   *
   * @throws OverlayException if the overlay names a service or dependency the telemetry never saw
   * @throws IllegalArgumentException if the recording holds no served request
   */
  public static CalibrationResult calibrate(
      Recording recording, Overlay overlay, CalibrationOptions options) {
    TraceIndex index = TraceIndex.of(recording);
    if (index.requests().isEmpty()) {
      throw new IllegalArgumentException(
          "the recording holds no SERVER span: nothing to calibrate");
    }
    Map<String, Map<String, List<ServedRequest>>> byService = byService(index, overlay);
    overlay.checkNames(byService.keySet(), index.dependencies());
    List<String> notes = new ArrayList<>();
    if (index.unattributed() > 0) {
      notes.add(index.unattributed() + " CLIENT spans could not be attributed to a target");
    }
    double period = periodSeconds(recording);
    Map<String, ServiceCpu> cpu =
        new CpuRegression(options.cpuWindow()).fit(recording.metrics(), index.requests());
    DistributionFitter fitter =
        new DistributionFitter(options.significance(), options.quantiles(), options.maxTested());
    TwinSpec.Builder spec = TwinSpec.builder(options.name());
    List<EndpointCalibration> endpoints = new ArrayList<>();
    byService.forEach(
        (service, requests) ->
            spec.service(
                service(
                    service,
                    requests,
                    period,
                    cpu.get(service),
                    fitter,
                    overlay,
                    endpoints,
                    notes)));
    List<DependencyCalibration> dependencies = new ArrayList<>();
    Dependencies.attempts(index.requests())
        .forEach(
            (name, attempts) -> {
              DependencyCalibration d = Dependencies.calibrate(name, attempts, fitter);
              dependencies.add(d);
              spec.dependency(Dependencies.spec(d, overlay.dependencies().get(name)));
            });
    for (EndpointCalibration e : endpoints) {
      if (e.arrivalRate() > 0) {
        spec.traffic(new TrafficSpec(e.endpoint(), new ArrivalPattern.Poisson(e.arrivalRate())));
      }
    }
    if (overlay.host() != null) {
      spec.host(new HostSpec(Services.HOST, overlay.host().cores(), null));
    }
    double network = Network.oneWaySeconds(index.requests());
    if (network > 0) {
      spec.region(Network.region()).link(Network.link(network));
    }
    cpuNotes(cpu, notes);
    return new CalibrationResult(
        spec.build(), period, network, endpoints, dependencies, cpu, notes);
  }

  private static io.rehearsal.twin.spec.ServiceSpec service(
      String service,
      Map<String, List<ServedRequest>> requestsByEndpoint,
      double period,
      ServiceCpu cpu,
      DistributionFitter fitter,
      Overlay overlay,
      List<EndpointCalibration> out,
      List<String> notes) {
    List<EndpointSpec> specs = new ArrayList<>();
    List<ServedRequest> all = new ArrayList<>();
    requestsByEndpoint.forEach(
        (endpoint, requests) -> {
          String name = endpoint.substring(service.length() + 1);
          double demand = cpu == null ? 0 : cpu.demand(name);
          EndpointCalibration c = Endpoints.calibrate(endpoint, requests, period, demand, fitter);
          out.add(c);
          specs.add(Endpoints.spec(c, overlay));
          all.addAll(requests);
        });
    return Services.spec(service, specs, all, overlay, notes);
  }

  /** Requests by service (overlay order first, then by name) and endpoint (by name). */
  private static Map<String, Map<String, List<ServedRequest>>> byService(
      TraceIndex index, Overlay overlay) {
    Map<String, Map<String, List<ServedRequest>>> seen = new TreeMap<>();
    for (ServedRequest r : index.requests()) {
      seen.computeIfAbsent(r.span().service(), s -> new TreeMap<>())
          .computeIfAbsent(r.endpoint(), e -> new ArrayList<>())
          .add(r);
    }
    LinkedHashSet<String> order = new LinkedHashSet<>(overlay.services().keySet());
    order.addAll(seen.keySet());
    Map<String, Map<String, List<ServedRequest>>> out = new LinkedHashMap<>();
    order.stream().filter(seen::containsKey).forEach(s -> out.put(s, seen.get(s)));
    return out;
  }

  /** From the first to the last root span's start, in seconds (at least one nanosecond). */
  static double periodSeconds(Recording recording) {
    long span = recording.lastRootStartNanos() - recording.firstRootStartNanos();
    return Math.max(1, span) / 1e9;
  }

  private static void cpuNotes(Map<String, ServiceCpu> cpu, List<String> notes) {
    cpu.values()
        .forEach(
            c -> {
              if (c.windows() == 0) {
                notes.add(
                    c.service() + ": no process CPU metrics; its self time is all non-CPU wait");
              }
            });
  }
}
