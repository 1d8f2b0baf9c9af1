package io.rehearsal.calibration;

import io.rehearsal.twin.spec.CpuScheduling;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host of a calibrated twin: its cores (the overlay's, else the host metrics'), and the
 * background CPU of everything on it the twin has no traces of (see {@link HostBackground}).
 */
final class Hosts {
  /**
   * The operating system's time slice, in seconds: a CPU burst shorter than this runs to completion
   * once it has a core (Linux CFS: 6 ms latency target over the runnable threads, 0.75 to 3 ms
   * minimum granularity; EEVDF, Linux 6.6 and later: a 0.75 to 3 ms base slice by core count), so
   * jobs queue for the cores rather than share them.
   */
  static final double TIME_SLICE_SECONDS = 0.003;

  private Hosts() {}

  /**
   * How the twin's host shares its cores: first come, first served when the requests' mean CPU
   * phase per visit is shorter than a time slice (each burst keeps its core until it ends, and a
   * request arriving at a busy host waits; the median request is not slowed until most find the
   * cores busy), processor sharing otherwise.
   */
  static CpuScheduling scheduling(List<EndpointCalibration> endpoints, List<String> notes) {
    double cpu = 0;
    double visits = 0;
    for (EndpointCalibration e : endpoints) {
      if (e.cpuDemand() > 0) {
        cpu += e.cpuDemand() * e.requests();
        visits += e.requests();
      }
    }
    if (visits == 0) {
      return null;
    }
    double burst = cpu / visits;
    boolean fifo = burst < TIME_SLICE_SECONDS;
    notes.add(
        String.format(
            Locale.ROOT,
            "host CPU: mean CPU per request visit %.2f ms, %s a %.0f ms time slice: %s",
            burst * 1000,
            fifo ? "below" : "above",
            TIME_SLICE_SECONDS * 1000,
            fifo
                ? "bursts run to completion, the twin's host serves them first come, first served"
                : "the twin's host shares its cores (processor sharing)"));
    return fifo ? CpuScheduling.FIFO : null;
  }

  /** The host's cores, NaN when neither the overlay nor host metrics give them. */
  static double cores(Overlay overlay, HostLoad load, List<String> notes) {
    if (!load.known()) {
      notes.add(
          "no host metrics (system.cpu.time, process.cpu.time): the host's CPU is taken to be"
              + " used by the traced services alone"
              + (overlay.host() == null
                  ? ", and without a host in the overlay no CPU contention is modelled"
                  : ""));
    }
    if (overlay.host() != null) {
      return overlay.host().cores();
    }
    if (!Double.isNaN(load.cores())) {
      notes.add(
          String.format(
              Locale.ROOT,
              "host %s: %.0f cores from %s (no host in the overlay)",
              load.host(),
              load.cores(),
              HostCpu.SYSTEM_CPU));
    }
    return load.cores();
  }

  /** Adds the background service and its traffic, and says what it holds. */
  static void background(
      TwinSpec.Builder spec,
      double cores,
      HostLoad load,
      Map<String, ServiceCpu> cpu,
      double entryRate,
      double outsideCores,
      List<String> notes) {
    // With host metrics the twin models the whole host, so the services' CPU outside requests
    // joins the background: fixed when the rate varied enough to regress it; at one steady rate it
    // cannot be told from CPU spent per request outside the spans (I/O threads, GC, exporters),
    // and grows with throughput like the rest of the background. Fitted on complete request counts
    // (RateFit), it is fixed as found. CPU per request beyond the spans' own time grows with
    // throughput. Without host metrics it stays out of the twin, as before.
    double own = 0;
    double ownPerRequest = 0;
    if (load.known()) {
      ownPerRequest += entryRate > 0 ? outsideCores / entryRate : 0;
      for (ServiceCpu c : cpu.values()) {
        if (c.fromRequestMetrics()) {
          own += c.backgroundCores();
        } else if (load.steady()) {
          ownPerRequest += entryRate > 0 ? c.backgroundCores() / entryRate : 0;
        } else {
          own += c.backgroundCores();
        }
      }
    }
    double fixed = load.fixedCores() + own;
    double perRequest = load.perRequestSeconds() + ownPerRequest;
    ServiceSpec service = HostBackground.service(Services.HOST, cores, fixed, perRequest);
    if (service == null) {
      return;
    }
    spec.service(service);
    HostBackground.traffic(fixed, perRequest, entryRate).forEach(spec::traffic);
    StringBuilder text = new StringBuilder();
    for (HostLoad.Background b : load.background()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s%s x%d %.3f cores",
              text.isEmpty() ? "" : ", ",
              b.name(),
              b.processes(),
              b.meanCores()));
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "host background (%s): %.3f fixed cores (%.3f of them the services' own) + %.3f ms"
                + " CPU per entry request (%.3f ms of it the services' own CPU outside their"
                + " spans); processes without traces: %s; %s",
            HostBackground.SERVICE,
            fixed,
            own,
            perRequest * 1000,
            ownPerRequest * 1000,
            text.isEmpty() ? "none" : text,
            load.fit()));
    if (!Double.isNaN(load.busyCores())) {
      notes.add(
          String.format(
              Locale.ROOT,
              "host %s was %.2f of %.0f cores busy (%.0f %%) while recorded",
              load.host(),
              load.busyCores(),
              cores,
              100 * load.busyCores() / cores));
    }
  }
}
