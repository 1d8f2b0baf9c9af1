package io.rehearsal.detector.incident;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.IncidentEngine;
import io.rehearsal.ml.incident.IncidentEvent;
import io.rehearsal.ml.incident.InputCounters;
import io.rehearsal.ml.incident.Slo;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jboss.logging.Logger;

/** Builds the detector's {@link IncidentMonitor} from configuration and exports its counters. */
public final class IncidentMetrics {
  private static final Logger LOG = Logger.getLogger(IncidentMetrics.class);

  private IncidentMetrics() {}

  /**
   * The monitor configured by {@code config}, handing its changes to {@code recorder}, with its
   * gauges and counters on {@code registry}, or null when incident detection is off.
   *
   * @throws IllegalArgumentException at start-up for a malformed SLO
   */
  static IncidentMonitor create(
      IncidentsConfig config, MeterRegistry registry, IncidentRecorder recorder) {
    if (!config.enabled()) {
      return null;
    }
    List<Slo> slos = config.slos().orElse(List.of()).stream().map(Slo::parse).toList();
    IncidentMonitor monitor =
        new IncidentMonitor(
            () -> new IncidentEngine(IncidentConfig.defaults(), slos),
            event -> {
              log(event);
              recorder.accept(event);
            },
            recorder,
            config.clock() == IncidentsConfig.DetectionClock.EVENT,
            config.sessionGap().toMillis(),
            recorder::sessionEnded);
    Gauge.builder("rehearsal.detector.incidents.live", monitor, IncidentMonitor::live)
        .description("Incidents open or being mitigated")
        .register(registry);
    input(registry, monitor, "invalid", InputCounters::invalid);
    input(registry, monitor, "not_finite", InputCounters::notFinite);
    input(registry, monitor, "late", InputCounters::late);
    input(registry, monitor, "future", InputCounters::future);
    input(registry, monitor, "duplicate", InputCounters::duplicate);
    input(registry, monitor, "clock_backwards", InputCounters::clockBackwards);
    return monitor;
  }

  private static void input(
      MeterRegistry registry,
      IncidentMonitor monitor,
      String reason,
      ToLongFunction<InputCounters> f) {
    FunctionCounter.builder(
            "rehearsal.detector.incidents.dropped", monitor, m -> f.applyAsLong(m.counters()))
        .description("Requests incident detection refused, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  private static void log(IncidentEvent event) {
    if (event.type() != IncidentEvent.Type.UPDATED) {
      LOG.infof(
          "Incident %s %s: %s", event.incident().id(), event.type(), event.incident().title());
    }
  }
}
