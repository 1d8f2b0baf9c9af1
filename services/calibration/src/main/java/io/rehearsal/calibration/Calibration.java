package io.rehearsal.calibration;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
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
  /** Callers with fewer requests to an endpoint than this never get their own request class. */
  static final int CLASS_MIN_REQUESTS = 30;

  /** Request classes are split off when their median service times differ by more than this. */
  static final double CLASS_RATIO = 1.25;

  private Calibration() {}

  /**
   * The endpoint of the system a twin endpoint models: {@code service/endpoint} without the request
   * class ({@code " @ caller"}) calibration may have added.
   */
  public static String modelledEndpoint(String twinEndpoint) {
    return RequestClasses.base(twinEndpoint);
  }

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
    Databases.checkNames(overlay, index, byService);
    List<String> notes = new ArrayList<>();
    Sampling sampling = Sampling.of(recording, overlay.samplingRatio());
    notes.add("sampling: " + sampling.source());
    unattributedNote(index, notes);
    double period = periodSeconds(recording);
    Map<String, List<ServedRequest>> flat = new LinkedHashMap<>();
    byService.values().forEach(flat::putAll);
    overlay.checkSloEndpoints(flat.keySet());
    notes.addAll(
        Drift.notes(flat, recording.firstRootStartNanos(), recording.lastRootStartNanos()));
    Map<String, ServiceCpu> cpu =
        new CpuRegression(options.cpuWindow()).fit(recording.metrics(), index.requests(), sampling);
    HostLoad hostLoad = HostCpu.read(recording, index.requests(), sampling);
    double cores = Hosts.cores(overlay, hostLoad, notes);
    DistributionFitter fitter =
        new DistributionFitter(options.significance(), options.quantiles(), options.maxTested());
    RequestClasses classes = new RequestClasses(CLASS_MIN_REQUESTS, CLASS_RATIO);
    Map<String, List<RequestClasses.RequestClass>> split = new LinkedHashMap<>();
    byService
        .values()
        .forEach(endpoints -> endpoints.forEach((e, rs) -> split.put(e, classes.split(e, rs))));
    double[] outside = new double[1];
    Map<String, Contention.Share> shares =
        shares(
            byService, split, cpu, period, cores, hostLoad.busyCores(), sampling, outside, notes);
    TwinSpec.Builder spec = TwinSpec.builder(options.name());
    List<EndpointCalibration> endpoints = new ArrayList<>();
    byService.forEach(
        (service, requests) -> {
          List<EndpointCalibration> calibrated = new ArrayList<>();
          double weight = sampling.weight(service);
          requests.forEach(
              (endpoint, rs) -> {
                double demand = cpu.get(service).demand(endpoint.substring(service.length() + 1));
                for (RequestClasses.RequestClass c : split.get(endpoint)) {
                  calibrated.add(
                      Endpoints.calibrate(
                          c.name(),
                          c.requests(),
                          period / weight,
                          demand,
                          shares.get(c.name()),
                          fitter));
                }
              });
          List<EndpointSpec> specs =
              calibrated.stream().map(c -> Endpoints.spec(c, overlay, classes)).toList();
          List<ServedRequest> all = new ArrayList<>();
          requests.values().forEach(all::addAll);
          spec.service(
              Services.spec(service, specs, all, overlay, cores, sampling.kept(service), notes));
          endpoints.addAll(calibrated);
        });
    List<DependencyCalibration> dependencies = new ArrayList<>();
    Dependencies.attempts(index.requests())
        .forEach(
            (name, attempts) -> {
              DependencyCalibration d = Dependencies.calibrate(name, attempts, fitter);
              dependencies.add(d);
              if (Databases.isDatabase(index, name)) {
                spec.database(
                    Databases.spec(
                        d, index.requests(), recording.metrics(), overlay, sampling, notes));
              } else {
                spec.dependency(Dependencies.spec(d, overlay.dependencies().get(name)));
              }
            });
    double entryRate = 0;
    for (EndpointCalibration e : endpoints) {
      if (e.arrivalRate() > 0) {
        spec.traffic(new TrafficSpec(e.endpoint(), new ArrivalPattern.Poisson(e.arrivalRate())));
        entryRate += e.arrivalRate();
      }
    }
    if (!Double.isNaN(cores)) {
      spec.host(new HostSpec(Services.HOST, cores, null, Hosts.scheduling(endpoints, notes)));
      Hosts.background(spec, cores, hostLoad, cpu, entryRate, outside[0], notes);
    }
    overlay.slos().forEach(spec::slo);
    double network = Network.roundTripSeconds(index.requests());
    cpuNotes(cpu, notes);
    return new CalibrationResult(
        spec.build(), period, network, endpoints, dependencies, cpu, sampling, hostLoad, notes);
  }

  private static void unattributedNote(TraceIndex index, List<String> notes) {
    if (index.unattributed() > 0) {
      StringBuilder top = new StringBuilder();
      index.unattributedTargets().stream()
          .limit(5)
          .forEach(
              e ->
                  top.append(top.isEmpty() ? "" : ", ")
                      .append(e.getKey())
                      .append(" (")
                      .append(e.getValue())
                      .append(')'));
      notes.add(
          index.unattributed()
              + " CLIENT spans could not be attributed to a target; top targets: "
              + top);
    }
  }

  /**
   * The CPU share of every twin endpoint and how its measured service times are deflated. The CPU
   * demand per request comes from the regression per endpoint; its share of the endpoint's mean
   * service time (at most 1) is the CPU fraction of each of its request classes. Without a host in
   * the overlay there is no CPU model: nothing is deflated. {@code outsideCores[0]} receives the
   * cores of CPU per request that the endpoints' service times cannot hold.
   */
  private static Map<String, Contention.Share> shares(
      Map<String, Map<String, List<ServedRequest>>> byService,
      Map<String, List<RequestClasses.RequestClass>> split,
      Map<String, ServiceCpu> cpu,
      double period,
      double cores,
      double busyCores,
      Sampling sampling,
      double[] outsideCores,
      List<String> notes) {
    List<Contention.Load> loads = new ArrayList<>();
    byService.forEach(
        (service, requests) ->
            requests.forEach(
                (endpoint, rs) -> {
                  double demand = cpu.get(service).demand(endpoint.substring(service.length() + 1));
                  double mean =
                      rs.stream().mapToDouble(RequestClasses::serviceSeconds).average().orElse(0);
                  double fraction = mean > 0 ? Math.min(1, demand / mean) : 0;
                  // CPU per request beyond the span's own time ran on other threads (I/O, GC,
                  // exporters): it loads the host, not the request's path
                  outsideCores[0] +=
                      Math.max(0, demand - mean) * rs.size() * sampling.weight(service) / period;
                  for (RequestClasses.RequestClass c : split.get(endpoint)) {
                    double classMean =
                        c.requests().stream()
                            .mapToDouble(RequestClasses::serviceSeconds)
                            .average()
                            .orElse(0);
                    loads.add(
                        new Contention.Load(
                            c.name(),
                            c.requests().size() * sampling.weight(service) / period,
                            classMean,
                            fraction));
                  }
                }));
    if (Double.isNaN(cores)) {
      Map<String, Contention.Share> none = new LinkedHashMap<>();
      loads.forEach(l -> none.put(l.name(), new Contention.Share(1, l.fraction())));
      return none;
    }
    double[] stretch = new double[1];
    Map<String, Contention.Share> out = Contention.deflate(loads, cores, busyCores, stretch);
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "CPU phases were stretched %.3fx by contention on the %s-core host while recorded%s;"
                + " service times are deflated by it (the twin adds contention itself)",
            stretch[0],
            cores,
            Double.isNaN(busyCores)
                ? ""
                : String.format(java.util.Locale.ROOT, " (%.2f cores busy)", busyCores)));
    return out;
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
              } else if (c.fromRequestMetrics()) {
                notes.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "%s: %.3f cores = %s, regressed on %s counts; spread over endpoints by"
                            + " service time",
                        c.service(),
                        c.meanCores(),
                        c.rate().text(),
                        Sampling.REQUEST_METRIC));
              } else {
                notes.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "%s: %.3f cores, %.3f of them outside requests (%s)",
                        c.service(),
                        c.meanCores(),
                        c.backgroundCores(),
                        Double.isNaN(c.rSquared())
                            ? "one rate: CPU spread over endpoints by service time"
                            : String.format(
                                java.util.Locale.ROOT, "regressed, R^2 %.2f", c.rSquared())));
              }
            });
  }
}
