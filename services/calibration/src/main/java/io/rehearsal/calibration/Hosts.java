package io.rehearsal.calibration;

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
  private Hosts() {}

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
      List<String> notes) {
    // With host metrics the twin models the whole host, so the services' CPU outside requests
    // joins the background: fixed when the rate varied enough to regress it; at one steady rate it
    // cannot be told from CPU spent per request outside the spans (I/O threads, GC, exporters),
    // and grows with throughput like the rest of the background. Without host metrics it stays out
    // of the twin, as before.
    double own = 0;
    double ownPerRequest = 0;
    if (load.known()) {
      for (ServiceCpu c : cpu.values()) {
        if (load.steady()) {
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
