package io.rehearsal.detector.ingest;

import io.rehearsal.store.TelemetryWindows.Append;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.WindowCodec;
import java.util.List;

/**
 * Closed windows kept in the store's telemetry-window stream, encoded with {@link WindowCodec}; the
 * store makes a re-sent append a detectable duplicate and bounds retention.
 */
public final class RedisTelemetryWindows implements TelemetryWindows {

  private final io.rehearsal.store.TelemetryWindows stream;
  private final int retained;

  /**
   * @param stream the store's window stream
   * @param retained windows kept at most, the oldest dropped first
   */
  public RedisTelemetryWindows(io.rehearsal.store.TelemetryWindows stream, int retained) {
    if (retained < 1) {
      throw new IllegalArgumentException("retained must be >= 1, but was " + retained);
    }
    this.stream = stream;
    this.retained = retained;
  }

  @Override
  public Write write(ClosedWindow window) {
    long startMillis = Math.floorDiv(window.startNanos(), 1_000_000L);
    Append append = stream.append(startMillis, WindowCodec.encode(window), retained);
    return append == Append.WRITTEN ? Write.WRITTEN : Write.DUPLICATE;
  }

  @Override
  public List<ClosedWindow> recent(int count) {
    return stream.recent(count).stream().map(WindowCodec::decode).toList();
  }
}
