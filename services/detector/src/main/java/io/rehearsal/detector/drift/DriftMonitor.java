package io.rehearsal.detector.drift;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.rehearsal.calibration.fidelity.DriftOptions;
import io.rehearsal.calibration.fidelity.DriftReport;
import io.rehearsal.calibration.fidelity.FidelitySummary;
import io.rehearsal.calibration.fidelity.LiveDrift;
import io.rehearsal.detector.incident.IncidentBeans;
import io.rehearsal.detector.ingest.TelemetryWindows;
import io.rehearsal.detector.ingest.WindowsConfig;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.TwinFidelityRecord;
import io.rehearsal.store.TwinSnapshots;
import io.rehearsal.store.TwinStaleness;
import io.rehearsal.telemetry.ClosedWindow;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code rehearsal.drift.period}, compares the windows of the last {@code lookback} with the
 * current twin's prediction for the same load ({@link LiveDrift}), exports the error as {@code
 * rehearsal_twin_drift{metric}} gauges, keeps each measurement with a verdict as the snapshot's
 * latest fidelity in the store ({@code TwinSnapshots.recordFidelity}, which the sandbox shows with
 * its evidence), and when the configured measure exceeds the bound marks the twin snapshot stale in
 * the store (the staleness field and a stale event, once). {@code rehearsal_twin_stale} is 1 while
 * the current twin is stale, 0 while fresh, NaN without one.
 *
 * <p>Windows that overlap an incident — from {@code incident-margin} before it opened (its
 * detection delay) until it resolved, or until now while it is live — are left out: they show the
 * fault, which the sandbox fits on top of the twin, not whether the twin still describes the
 * healthy system. When no window is left, the check pauses and the previous values stand; otherwise
 * a twin judged during an incident would turn stale exactly when the loop needs it.
 */
@Singleton
@Startup
public class DriftMonitor {

  private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

  /** Incidents looked at per check, most recently opened first. */
  private static final int INCIDENTS_READ = 50;

  private final DriftConfig config;
  private final DriftOptions options;
  private final int windowsRead;
  private final TelemetryWindows windows;
  private final TwinSnapshots snapshots;
  private final TwinSource twins;
  private final IncidentLifecycle incidents;
  private final Clock clock;
  private final Map<DriftCheck.Outcome, Counter> checks = new EnumMap<>(DriftCheck.Outcome.class);
  private final ScheduledExecutorService scheduler;
  private volatile DriftCheck last = DriftCheck.of(DriftCheck.Outcome.NO_TWIN);
  private volatile double stale = Double.NaN;
  private String lastFailure;

  DriftMonitor(
      DriftConfig config,
      WindowsConfig windowsConfig,
      TelemetryWindows windows,
      RedisStore store,
      IncidentBeans incidentBeans,
      MeterRegistry registry) {
    this.config = checked(config);
    // At most one window per window length: the newest lookback/length + 1 cover the lookback.
    long perLookback = config.lookback().toMillis() / windowsConfig.length().toMillis() + 1;
    this.windowsRead = (int) Math.min(config.maxWindows(), perLookback);
    this.options =
        new DriftOptions(
            config.simulated().toMillis() / 1000.0,
            config.warmup().toMillis() / 1000.0,
            config.replications(),
            config.seed(),
            config.minRequests());
    this.windows = windows;
    this.snapshots = store.twinSnapshots();
    this.twins = new TwinSource(snapshots, config.twinFile());
    this.incidents = incidentBeans.lifecycle();
    this.clock = Clock.systemUTC();
    register(registry);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rehearsal-drift");
              t.setDaemon(true);
              return t;
            });
    if (config.enabled()) {
      long period = config.period().toMillis();
      scheduler.scheduleWithFixedDelay(this::checkSafely, period, period, TimeUnit.MILLISECONDS);
    }
  }

  /** The last check's result. */
  public DriftCheck last() {
    return last;
  }

  /** Runs one check now, on the caller's thread. */
  public synchronized DriftCheck check() {
    Optional<TwinSource.Current> twin = twins.current();
    if (twin.isEmpty()) {
      stale = Double.NaN;
      return done(DriftCheck.of(DriftCheck.Outcome.NO_TWIN));
    }
    long nowMillis = clock.millis();
    List<ClosedWindow> all = recent(nowMillis);
    List<ClosedWindow> recent = outsideIncidents(all, nowMillis);
    if (recent.isEmpty() && !all.isEmpty()) {
      return done(withStale(pausedBy(all, twin.get()), twin.get()));
    }
    List<Long> starts = recent.stream().map(ClosedWindow::startNanos).toList();
    if (last.snapshot().equals(Optional.of(twin.get().id()))
        && last.windowStarts().equals(starts)) {
      return done(withStale(last, twin.get()));
    }
    Optional<DriftReport> report = LiveDrift.measure(twin.get().spec(), recent, options);
    report.ifPresent(r -> judge(twin.get(), r, nowMillis));
    DriftCheck check =
        new DriftCheck(
            report.isPresent() ? DriftCheck.Outcome.MEASURED : DriftCheck.Outcome.NO_TRAFFIC,
            Optional.of(twin.get().id()),
            starts,
            report,
            false);
    return done(withStale(check, twin.get()));
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }

  private void checkSafely() {
    try {
      check();
      lastFailure = null;
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
        LOG.warnf(e, "Drift check failed; the previous values stand");
        lastFailure = String.valueOf(e.getMessage());
      }
      checks.get(DriftCheck.Outcome.FAILED).increment();
    }
  }

  private List<ClosedWindow> recent(long nowMillis) {
    long fromNanos = (nowMillis - config.lookback().toMillis()) * 1_000_000L;
    return windows.recent(windowsRead).stream().filter(w -> w.startNanos() >= fromNanos).toList();
  }

  /** The windows that overlap no incident, from the margin before it opened until it resolved. */
  private List<ClosedWindow> outsideIncidents(List<ClosedWindow> windows, long nowMillis) {
    long margin = config.incidentMargin().toMillis();
    List<long[]> spans =
        incidents.recent(INCIDENTS_READ).stream()
            .map(i -> new long[] {i.openedMillis() - margin, end(i, nowMillis)})
            .toList();
    return windows.stream()
        .filter(
            w -> {
              long from = w.startNanos() / 1_000_000L;
              long to = w.endNanos() / 1_000_000L;
              return spans.stream().noneMatch(s -> from < s[1] && to > s[0]);
            })
        .toList();
  }

  private static long end(IncidentRecord incident, long nowMillis) {
    return incident.stage().live()
        ? Long.MAX_VALUE
        : incident.resolvedMillis().orElse(incident.changedMillis());
  }

  private DriftCheck pausedBy(List<ClosedWindow> windows, TwinSource.Current twin) {
    return new DriftCheck(
        DriftCheck.Outcome.PAUSED_BY_INCIDENT,
        Optional.of(twin.id()),
        windows.stream().map(ClosedWindow::startNanos).toList(),
        last.report(),
        false);
  }

  /**
   * Records the measurement and marks the twin stale past the bound; without an endpoint in the
   * summary there is no verdict, and nothing is written.
   */
  private void judge(TwinSource.Current twin, DriftReport report, long nowMillis) {
    FidelitySummary s = report.summary();
    if (s.endpoints() == 0) {
      return;
    }
    snapshots.recordFidelity(
        twin.id(),
        new TwinFidelityRecord(
            s.p50Mape(), s.p99Mape(), s.throughputMape(), s.errorRateAbsDiff(), nowMillis));
    double value = report.value(config.metric());
    if (value > config.bound()) {
      String reason =
          String.format(
              Locale.ROOT,
              "%s %.3f over %.0f s of live windows exceeds the bound %.3f",
              config.metric(),
              value,
              report.seconds(),
              config.bound());
      if (snapshots.markStale(
          twin.id(),
          new TwinStaleness(reason, config.metric(), value, config.bound(), nowMillis))) {
        LOG.warnf("Twin %s is stale: %s", twin.id(), reason);
      }
    }
  }

  private DriftCheck withStale(DriftCheck check, TwinSource.Current twin) {
    boolean isStale = snapshots.staleness(twin.id()).isPresent();
    stale = isStale ? 1 : 0;
    return new DriftCheck(
        check.outcome(), check.snapshot(), check.windowStarts(), check.report(), isStale);
  }

  private DriftCheck done(DriftCheck check) {
    checks.get(check.outcome()).increment();
    last = check;
    return check;
  }

  private double value(String metric) {
    return last.report().map(r -> r.value(metric)).orElse(Double.NaN);
  }

  private void register(MeterRegistry registry) {
    for (String metric : DriftReport.METRICS) {
      Gauge.builder("rehearsal.twin.drift", this, m -> m.value(metric))
          .description("Live windows against the current twin's prediction for the same load")
          .tag("metric", metric)
          .register(registry);
    }
    Gauge.builder("rehearsal.twin.stale", this, m -> m.stale)
        .description("1 while the current twin is stale, 0 while fresh, NaN without a current twin")
        .register(registry);
    Gauge.builder("rehearsal.twin.drift.bound", config, DriftConfig::bound)
        .description("The bound on rehearsal_twin_drift{metric=<rehearsal.drift.metric>}")
        .tag("metric", config.metric())
        .register(registry);
    for (DriftCheck.Outcome outcome : DriftCheck.Outcome.values()) {
      checks.put(
          outcome,
          Counter.builder("rehearsal.twin.drift.checks")
              .description("Drift checks, by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  private static DriftConfig checked(DriftConfig c) {
    if (!DriftReport.METRICS.contains(c.metric())) {
      throw new IllegalArgumentException(
          "rehearsal.drift.metric must be one of "
              + DriftReport.METRICS
              + ", but was '"
              + c.metric()
              + "'");
    }
    if (!(c.bound() > 0) || Double.isInfinite(c.bound())) {
      throw new IllegalArgumentException("rehearsal.drift.bound must be > 0, but was " + c.bound());
    }
    if (c.period().toMillis() < 1 || c.lookback().toMillis() < 1 || c.maxWindows() < 1) {
      throw new IllegalArgumentException(
          "rehearsal.drift.period, lookback and max-windows must be positive, but were "
              + c.period()
              + ", "
              + c.lookback()
              + ", "
              + c.maxWindows());
    }
    return c;
  }
}
