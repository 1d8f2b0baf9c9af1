package io.rehearsal.detector.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Overload protection of OTLP ingestion: {@code rehearsal.detector.ingest.*}. */
@ConfigMapping(prefix = "rehearsal.detector.ingest")
public interface IngestConfig {

  /**
   * How many spans and metric points may wait for aggregation at once. A request that does not fit
   * is answered RESOURCE_EXHAUSTED / HTTP 429 at once, never buffered.
   */
  @WithDefault("200000")
  int maxPendingSpans();

  /**
   * The largest request body, in bytes, after decompression; the HTTP and gRPC transports refuse
   * larger bodies before they are read (HTTP 413, RESOURCE_EXHAUSTED).
   */
  @WithDefault("4194304")
  int maxBodyBytes();

  /** The delay a throttled client is told to wait (Retry-After, RetryInfo). */
  @WithDefault("1s")
  Duration retryAfter();
}
