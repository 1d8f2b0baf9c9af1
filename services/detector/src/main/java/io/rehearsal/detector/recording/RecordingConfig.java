package io.rehearsal.detector.recording;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The detector's rolling recording of every accepted OTLP request, as OTLP JSON-lines segments that
 * {@code rehearsal twin calibrate --from DIR} reads: {@code rehearsal.recording.*}.
 */
@ConfigMapping(prefix = "rehearsal.recording")
public interface RecordingConfig {

  /** Whether accepted requests are recorded at all. */
  @WithDefault("true")
  boolean enabled();

  /** The directory of the segments. */
  @WithDefault("${user.home}/.rehearsal/telemetry")
  Path dir();

  /** Bound on all segments together, in bytes on disk; the oldest go first. */
  @WithDefault("536870912")
  long maxBytes();

  /** Segments whose last write is older than this are deleted. */
  @WithDefault("24h")
  Duration maxAge();

  /** A segment is closed (and gzipped) once it holds this many bytes... */
  @WithDefault("67108864")
  long segmentBytes();

  /** ...or once it has been open this long. */
  @WithDefault("5m")
  Duration segmentAge();

  /**
   * Bound on requests waiting to be written, in serialized bytes. Recording never slows ingestion:
   * a request that does not fit is not recorded, and counted.
   */
  @WithDefault("4194304")
  long queueBytes();
}
