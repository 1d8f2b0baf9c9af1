package io.rehearsal.detector.recording;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * Makes the detector's {@link RollingRecording} from {@link RecordingConfig} (or none when
 * disabled), exports its counters as {@code rehearsal.detector.recording.requests{outcome}} and
 * {@code rehearsal.detector.recording.queued.bytes}, and closes it on shutdown.
 */
@Singleton
public class RecordingBeans {

  private static final Logger LOG = Logger.getLogger(RecordingBeans.class);

  private final Optional<RollingRecording> recording;

  RecordingBeans(RecordingConfig config, MeterRegistry registry) {
    this.recording = config.enabled() ? Optional.of(start(config)) : Optional.empty();
    recording.ifPresent(r -> register(registry, r));
  }

  /** What the receivers record accepted requests with. */
  @Produces
  Recorder recorder() {
    return recording.<Recorder>map(r -> r::offer).orElse(Recorder.none());
  }

  /** The recording itself, when enabled (e.g. for tests and operators). */
  public Optional<RollingRecording> recording() {
    return recording;
  }

  @PreDestroy
  void stop() {
    recording.ifPresent(RollingRecording::close);
  }

  private static RollingRecording start(RecordingConfig c) {
    RollingRecording.Bounds bounds =
        new RollingRecording.Bounds(
            c.maxBytes(), c.maxAge(), c.segmentBytes(), c.segmentAge(), c.queueBytes());
    LOG.infof("Recording accepted OTLP requests as JSON lines in %s", c.dir().toAbsolutePath());
    return RollingRecording.start(c.dir(), bounds, Clock.systemUTC());
  }

  private static void register(MeterRegistry registry, RollingRecording r) {
    outcome(registry, r, "written", RollingRecording::written);
    outcome(registry, r, "dropped", RollingRecording::dropped);
    outcome(registry, r, "failed", RollingRecording::failed);
    Gauge.builder("rehearsal.detector.recording.queued.bytes", r, RollingRecording::queuedBytes)
        .description("Serialized bytes of requests waiting to be recorded")
        .register(registry);
  }

  private static void outcome(
      MeterRegistry registry,
      RollingRecording r,
      String outcome,
      ToDoubleFunction<RollingRecording> f) {
    FunctionCounter.builder("rehearsal.detector.recording.requests", r, f)
        .description("OTLP requests for the rolling recording, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
