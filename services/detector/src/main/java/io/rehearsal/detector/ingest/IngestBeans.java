package io.rehearsal.detector.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rehearsal.detector.incident.IncidentBeans;
import io.rehearsal.detector.incident.IncidentMonitor;
import io.rehearsal.store.RedisStore;
import io.rehearsal.telemetry.AggregatorStats;
import io.rehearsal.telemetry.WindowAggregator;
import io.rehearsal.telemetry.WindowConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Makes the detector's one {@link IngestPipeline} and its {@link TelemetryWindows} store from
 * configuration, exports their counters, and stops the pipeline, which flushes its open windows,
 * before the store closes.
 */
@Singleton
public class IngestBeans {

  private final RedisTelemetryWindows windows;
  private final IngestPipeline pipeline;
  private final IncidentMonitor incidents;

  IngestBeans(
      IngestConfig ingest,
      WindowsConfig config,
      IncidentBeans incidentBeans,
      RedisStore store,
      MeterRegistry registry) {
    checkWholeMillis(config.length());
    this.windows = new RedisTelemetryWindows(store.telemetryWindows(), config.retained());
    this.incidents = incidentBeans.monitor();
    this.pipeline =
        new IngestPipeline(
            ingest.maxPendingSpans(),
            new WindowAggregator(windowConfig(config)),
            windows,
            Clock.systemUTC(),
            config.tick(),
            incidents);
    register(registry, pipeline);
    pipeline.start();
  }

  /** The ingest pipeline the receivers offer to. */
  @Produces
  IngestPipeline pipeline() {
    return pipeline;
  }

  /** Where closed windows are kept. */
  @Produces
  TelemetryWindows windows() {
    return windows;
  }

  @PreDestroy
  void stop() {
    pipeline.close();
  }

  static WindowConfig windowConfig(WindowsConfig c) {
    return new WindowConfig(
        c.length(),
        c.lateness(),
        c.traceGrace(),
        c.maxBufferedSpans(),
        c.maxSeriesPerWindow(),
        c.maxOpenWindows(),
        c.significantDigits());
  }

  private static void checkWholeMillis(Duration length) {
    if (length.toNanos() % 1_000_000 != 0 || length.toMillis() < 1) {
      throw new IllegalArgumentException(
          "rehearsal.detector.windows.length must be whole milliseconds, but was " + length);
    }
  }

  private static void register(MeterRegistry registry, IngestPipeline pipeline) {
    Gauge.builder("rehearsal.detector.ingest.pending", pipeline, IngestPipeline::pending)
        .description("Spans and points admitted but not yet aggregated")
        .register(registry);
    Gauge.builder("rehearsal.detector.ingest.capacity", pipeline, IngestPipeline::capacity)
        .description("Most spans and points that may wait at once")
        .register(registry);
    counter(registry, "rehearsal.detector.windows.written", pipeline, p -> p.windowsWritten());
    counter(registry, "rehearsal.detector.windows.failed", pipeline, p -> p.windowsFailed());
    counter(registry, "rehearsal.detector.windows.duplicate", pipeline, p -> p.windowsDuplicate());
    dropped(registry, pipeline, "late_span", AggregatorStats::lateSpans);
    dropped(registry, pipeline, "late_point", AggregatorStats::latePoints);
    dropped(registry, pipeline, "overflow", AggregatorStats::overflow);
    dropped(registry, pipeline, "late_call", AggregatorStats::lateCalls);
    dropped(registry, pipeline, "unresolved_call", AggregatorStats::unresolvedCalls);
  }

  private static void counter(
      MeterRegistry registry,
      String name,
      IngestPipeline pipeline,
      ToDoubleFunction<IngestPipeline> f) {
    FunctionCounter.builder(name, pipeline, f).register(registry);
  }

  private static void dropped(
      MeterRegistry registry,
      IngestPipeline pipeline,
      String reason,
      java.util.function.ToLongFunction<AggregatorStats> f) {
    FunctionCounter.builder(
            "rehearsal.detector.windows.dropped", pipeline, p -> f.applyAsLong(p.stats()))
        .description("Telemetry the windows could not take, by reason")
        .tag("reason", reason)
        .register(registry);
  }
}
