package io.rehearsal.detector.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Telemetry windows and their retention in Redis: {@code rehearsal.detector.windows.*}. */
@ConfigMapping(prefix = "rehearsal.detector.windows")
public interface WindowsConfig {

  /** Window length (whole milliseconds). */
  @WithDefault("10s")
  Duration length();

  /** How long a window stays open after its end for late spans. */
  @WithDefault("10s")
  Duration lateness();

  /** How long after a trace's last span its call graph is resolved (at most the lateness). */
  @WithDefault("10s")
  Duration traceGrace();

  /** How often closed windows are looked for and written. */
  @WithDefault("1s")
  Duration tick();

  /** How many closed windows Redis keeps (the stream's MAXLEN); 8640 is a day of 10 s windows. */
  @WithDefault("8640")
  int retained();

  /** Bound on spans held while their traces are resolved. */
  @WithDefault("200000")
  int maxBufferedSpans();

  /** Bound on endpoints, edges and metric series in one window. */
  @WithDefault("10000")
  int maxSeriesPerWindow();

  /** Bound on windows open at once. */
  @WithDefault("64")
  int maxOpenWindows();

  /** Precision of latency histograms in significant decimal digits. */
  @WithDefault("2")
  int significantDigits();
}
