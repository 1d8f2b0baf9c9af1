package io.rehearsal.detector.ingest;

import io.rehearsal.telemetry.ClosedWindow;
import java.util.List;

/** Where closed telemetry windows are kept, newest last, with bounded retention. */
public interface TelemetryWindows {

  /** Outcome of keeping one window. */
  enum Write {
    /** The window was appended. */
    WRITTEN,
    /** A window with the same start was kept before (e.g. re-closed after a restart): dropped. */
    DUPLICATE
  }

  /**
   * Appends a closed window.
   *
   * @throws RuntimeException when the store cannot be reached (the caller counts and goes on)
   */
  Write write(ClosedWindow window);

  /** The newest {@code count} windows, newest first. */
  List<ClosedWindow> recent(int count);
}
