package io.rehearsal.detector.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The detector's incidents in Redis: one {@link IncidentLifecycle} (its own connection to the
 * store's Redis), the {@link IncidentRecorder} that writes the engine's incidents there, and the
 * {@link IncidentMonitor} the ingest pipeline feeds.
 */
@Singleton
public class IncidentBeans {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

  private final IncidentLifecycle lifecycle;
  private final IncidentMonitor monitor;
  private final IncidentRecorder recorder;

  IncidentBeans(IncidentsConfig config, RedisStore store, MeterRegistry registry) {
    this.lifecycle =
        IncidentLifecycle.connect(
            store.uri(), StoreConfig.defaults().keyPrefix(), COMMAND_TIMEOUT, config.retained());
    this.recorder =
        new IncidentRecorder(
            lifecycle, IncidentConfig.defaults(), config.flapWindow(), config.resumeGrace());
    this.monitor = IncidentMetrics.create(config, registry, recorder);
  }

  /** The monitor the ingest pipeline feeds, or null when incident detection is off. */
  public IncidentMonitor monitor() {
    return monitor;
  }

  /** Tells {@code listener} of every stored incident created or re-opened; it must not block. */
  public void onOpened(Consumer<IncidentOpened> listener) {
    recorder.onOpened(listener);
  }

  /** Where incidents are kept. */
  public IncidentLifecycle lifecycle() {
    return lifecycle;
  }

  @PreDestroy
  void close() {
    lifecycle.close();
  }
}
