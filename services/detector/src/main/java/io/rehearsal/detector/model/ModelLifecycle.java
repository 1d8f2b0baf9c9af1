package io.rehearsal.detector.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.rehearsal.detector.ingest.TelemetryWindows;
import io.rehearsal.ml.detect.DetectorConfig;
import io.rehearsal.ml.detect.Detectors;
import io.rehearsal.ml.detect.StreamingDetector;
import io.rehearsal.ml.model.ModelArtifact;
import io.rehearsal.ml.model.ModelTrainer;
import io.rehearsal.telemetry.ClosedWindow;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The detector's trained latency model, from telemetry to alarms: every {@code retrainEvery} a new
 * version of the {@code rehearsal} detector (CAD OSE with the spatial anomaly, {@code ml-models})
 * is trained on the newest windows' per-endpoint p99 latency ({@link LatencySeries}) — the alarm
 * threshold is the training scores' 99.9th percentile, at least {@code minAlarm} — and written as a
 * versioned artifact with its provenance ({@link ModelStore}); the newest version that reads back
 * is put in use, so a corrupt or incompatible file is refused with its reason (logged and counted)
 * and the last good version stays in use, also across restarts. Every {@code scoreEvery} the
 * windows closed since are scored per endpoint with the version in use; a score at or above its
 * threshold is an alarm ({@code rehearsal.detector.model.alarms} and {@link #alarms()}). A version
 * put in use first replays the windows it was trained on, so its detectors start warm.
 *
 * <p>The model corroborates; it opens no incident on its own (incidents come from SLO burn rates
 * and the robust baselines of {@code ml-models}' incident engine).
 */
@Startup
@Singleton
public class ModelLifecycle {

  private static final Logger LOG = Logger.getLogger(ModelLifecycle.class);
  private static final String NAME = "endpoint-p99";
  private static final int ALARMS_KEPT = 100;

  /**
   * Windows read per scoring at most, newest first: a scoring every 10 s finds one or two new 10-s
   * windows (ten 1-s ones); a scorer that fell further behind skips the older ones.
   */
  private static final int READ_PER_SCORE = 64;

  /** What one training run did. */
  public record Training(Outcome outcome, int version, int series, long points, String reason) {}

  /** How a training run ended. */
  public enum Outcome {
    /** A new version was written and put in use. */
    TRAINED,
    /** No endpoint had enough windows: nothing was written. */
    NOT_ENOUGH_TELEMETRY
  }

  /** An endpoint's window scored at or above the threshold of the version in use. */
  public record Alarm(String endpoint, long epochSecond, double score, int version) {}

  private final TelemetryWindows windows;
  private final ModelStore store;
  private final ModelTrainer trainer;
  private final int trainingWindows;
  private final int minPoints;
  private final int keptVersions;
  private final Counter alarmCount;
  private final Counter refusedCount;
  private final Deque<Alarm> alarms = new ArrayDeque<>();
  private final Map<String, StreamingDetector> detectors = new HashMap<>();
  private final ScheduledExecutorService scheduler;
  private Optional<ModelStore.Version> active = Optional.empty();
  private long lastScoredStart = Long.MIN_VALUE;

  ModelLifecycle(ModelsConfig config, TelemetryWindows windows, MeterRegistry registry) {
    this(
        windows,
        new ModelStore(config.dir(), NAME),
        config.trainingWindows(),
        config.minPoints(),
        config.minAlarm(),
        config.keptVersions(),
        detectorConfig(config.contextRest(), config.combinationRest()),
        registry);
    if (config.enabled()) {
      long retrain = config.retrainEvery().toMillis();
      long score = config.scoreEvery().toMillis();
      scheduler.execute(() -> safely("loading", () -> reload()));
      scheduler.scheduleWithFixedDelay(
          () -> safely("training", () -> retrain()), retrain, retrain, TimeUnit.MILLISECONDS);
      scheduler.scheduleWithFixedDelay(
          () -> safely("scoring", () -> score()), score, score, TimeUnit.MILLISECONDS);
    }
  }

  /** A lifecycle that runs only when called (tests and tools). */
  ModelLifecycle(
      TelemetryWindows windows,
      ModelStore store,
      int trainingWindows,
      int minPoints,
      double minAlarm,
      int keptVersions,
      DetectorConfig detector,
      MeterRegistry registry) {
    this.windows = windows;
    this.store = store;
    this.trainer = new ModelTrainer(Detectors.COMBINED, detector, minAlarm);
    this.trainingWindows = trainingWindows;
    this.minPoints = minPoints;
    this.keptVersions = keptVersions;
    this.alarmCount =
        Counter.builder("rehearsal.detector.model.alarms")
            .description("Endpoint windows scored at or above the model's alarm threshold")
            .register(registry);
    this.refusedCount =
        Counter.builder("rehearsal.detector.model.refused")
            .description("Model artifact files refused on loading (corrupt or incompatible)")
            .register(registry);
    Gauge.builder("rehearsal.detector.model.version", this, m -> m.version())
        .description("The model version in use (0: none yet)")
        .register(registry);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rehearsal-models");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * {@code ml-models}' default detector with rests for telemetry windows: the defaults rest as long
   * as suits NAB's 5-minute series, hours that would leave 10-s windows unscored most of the time.
   */
  static DetectorConfig detectorConfig(Duration contextRest, Duration combinationRest) {
    DetectorConfig d = DetectorConfig.defaults();
    DetectorConfig.Context c = d.context();
    DetectorConfig.Combination m = d.combination();
    return new DetectorConfig(
        d.seed(),
        new DetectorConfig.Context(
            c.levels(),
            c.maxContext(),
            c.restThreshold(),
            c.restPeriod(),
            contextRest.toSeconds(),
            c.gridWarmUp()),
        d.seasonal(),
        d.forest(),
        d.likelihood(),
        new DetectorConfig.Combination(
            m.contextWeight(),
            m.seasonalWeight(),
            m.forestWeight(),
            m.maxShare(),
            m.restThreshold(),
            m.restPeriod(),
            combinationRest.toSeconds()));
  }

  /** Trains a new version on the newest windows, writes it and puts the newest good one in use. */
  public synchronized Training retrain() {
    List<ClosedWindow> recent = windows.recent(trainingWindows);
    List<ModelTrainer.TrainingSeries> series = LatencySeries.training(recent, minPoints);
    if (series.isEmpty()) {
      return new Training(
          Outcome.NOT_ENOUGH_TELEMETRY,
          0,
          0,
          0,
          "no endpoint has "
              + minPoints
              + " windows with requests among the newest "
              + recent.size());
    }
    ModelArtifact artifact = trainer.train(series);
    int version = store.save(artifact);
    store.prune(keptVersions);
    reload(recent);
    LOG.infof(
        "Trained model version %d on %d endpoints, %d windows (%s): alarm threshold %.4f",
        version,
        series.size(),
        artifact.provenance().points(),
        artifact.provenance().dataIdentity(),
        artifact.calibration().alarmThreshold());
    return new Training(
        Outcome.TRAINED, version, series.size(), artifact.provenance().points(), "");
  }

  /** Puts the newest good version in use (refused newer files are logged and counted). */
  public synchronized void reload() {
    reload(windows.recent(trainingWindows));
  }

  /** Scores the windows closed since the last call; returns the alarms they raised. */
  public synchronized List<Alarm> score() {
    if (active.isEmpty()) {
      return List.of();
    }
    List<ClosedWindow> fresh =
        windows.recent(Math.min(trainingWindows, READ_PER_SCORE)).stream()
            .filter(w -> w.startNanos() > lastScoredStart)
            .toList();
    return feed(fresh, true);
  }

  /** The version in use, if any. */
  public synchronized Optional<ModelStore.Version> active() {
    return active;
  }

  /** The newest alarms, newest last (at most 100). */
  public synchronized List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }

  private synchronized double version() {
    return active.map(ModelStore.Version::number).orElse(0);
  }

  private void reload(List<ClosedWindow> warmUp) {
    ModelStore.Lookup lookup = store.newestGood();
    for (ModelStore.Refusal r : lookup.refused()) {
      refusedCount.increment();
      LOG.errorf("Refused model file %s: %s", r.file(), r.reason());
    }
    if (lookup.version().isEmpty()) {
      if (active.isPresent()) {
        LOG.errorf("No model file reads back; version %d stays in use", active.get().number());
      }
      return;
    }
    ModelStore.Version found = lookup.version().get();
    if (active.isPresent() && active.get().number() >= found.number()) {
      return; // the version in use read back good when it was loaded; a newer good one replaces it
    }
    active = Optional.of(found);
    detectors.clear();
    lastScoredStart = Long.MIN_VALUE;
    feed(warmUp, false); // the new version's detectors learn the recent windows, unscored
  }

  private List<Alarm> feed(List<ClosedWindow> closed, boolean alarm) {
    ModelStore.Version version = active.orElseThrow();
    double threshold = version.artifact().calibration().alarmThreshold();
    List<Alarm> raised = new ArrayList<>();
    for (LatencySeries.Point p : LatencySeries.points(closed)) {
      StreamingDetector d =
          detectors.computeIfAbsent(p.endpoint(), k -> version.artifact().newDetector());
      double score = d.update(p.epochSecond(), p.p99Millis());
      if (alarm && score >= threshold) {
        Alarm a = new Alarm(p.endpoint(), p.epochSecond(), score, version.number());
        raised.add(a);
        alarms.addLast(a);
        if (alarms.size() > ALARMS_KEPT) {
          alarms.removeFirst();
        }
        alarmCount.increment();
      }
    }
    closed.stream()
        .mapToLong(ClosedWindow::startNanos)
        .max()
        .ifPresent(s -> lastScoredStart = Math.max(lastScoredStart, s));
    return raised;
  }

  private void safely(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.errorf(e, "Model %s failed; the version in use stays", what);
    }
  }
}
