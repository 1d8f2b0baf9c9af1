package io.rehearsal.telemetry;

import java.time.Duration;

/**
 * How a {@link WindowAggregator} cuts telemetry into windows. Immutable, validated once.
 *
 * @param length the length of a window; a span belongs to the window holding its end time, a metric
 *     point to the one holding its time
 * @param lateness how long after its end a window stays open for spans that arrive late (export
 *     batching, network); a window closes when the watermark passes its end plus this
 * @param traceGrace how long after the last span of a trace ended its call graph is resolved; at
 *     most {@code lateness}, so that a trace is resolved before its parent's window closes
 * @param maxBufferedSpans bound on spans held while their traces are resolved; beyond it the oldest
 *     traces are resolved early
 * @param maxSeriesPerWindow bound on distinct endpoints, edges and metric series in one window;
 *     telemetry for new series beyond it is counted and dropped
 * @param maxOpenWindows bound on windows open at once; telemetry for further windows is counted and
 *     dropped
 * @param significantDigits precision of the latency histograms (1 to 5 decimal digits)
 */
public record WindowConfig(
    Duration length,
    Duration lateness,
    Duration traceGrace,
    int maxBufferedSpans,
    int maxSeriesPerWindow,
    int maxOpenWindows,
    int significantDigits) {

  /** Validates the configuration; messages name the field and the bad value. */
  public WindowConfig {
    positive("length", length);
    nonNegative("lateness", lateness);
    nonNegative("traceGrace", traceGrace);
    if (traceGrace.compareTo(lateness) > 0) {
      throw new IllegalArgumentException(
          "traceGrace must not exceed lateness " + lateness + ", but was " + traceGrace);
    }
    atLeast("maxBufferedSpans", maxBufferedSpans, 1);
    atLeast("maxSeriesPerWindow", maxSeriesPerWindow, 1);
    atLeast("maxOpenWindows", maxOpenWindows, 1);
    if (significantDigits < 1 || significantDigits > 5) {
      throw new IllegalArgumentException(
          "significantDigits must be between 1 and 5, but was " + significantDigits);
    }
  }

  /**
   * 10 s windows that stay open 10 s for late spans (an SDK's batch processor exports every 5 s),
   * traces resolved 10 s after their last span, 200,000 buffered spans, 10,000 series per window,
   * 64 open windows, 2 significant digits (1% latency resolution).
   */
  public static WindowConfig defaults() {
    return new WindowConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        200_000,
        10_000,
        64,
        2);
  }

  /** This configuration with another window length. */
  public WindowConfig withLength(Duration newLength) {
    return new WindowConfig(
        newLength,
        lateness,
        traceGrace,
        maxBufferedSpans,
        maxSeriesPerWindow,
        maxOpenWindows,
        significantDigits);
  }

  /** This configuration with another lateness and trace grace. */
  public WindowConfig withLateness(Duration newLateness, Duration newTraceGrace) {
    return new WindowConfig(
        length,
        newLateness,
        newTraceGrace,
        maxBufferedSpans,
        maxSeriesPerWindow,
        maxOpenWindows,
        significantDigits);
  }

  /** This configuration with other memory bounds. */
  public WindowConfig withBounds(int bufferedSpans, int seriesPerWindow, int openWindows) {
    return new WindowConfig(
        length,
        lateness,
        traceGrace,
        bufferedSpans,
        seriesPerWindow,
        openWindows,
        significantDigits);
  }

  private static void positive(String field, Duration value) {
    Fields.present(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, but was " + value);
    }
  }

  private static void nonNegative(String field, Duration value) {
    Fields.present(field, value);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, but was " + value);
    }
  }

  private static void atLeast(String field, int value, int low) {
    if (value < low) {
      throw new IllegalArgumentException(field + " must be >= " + low + ", but was " + value);
    }
  }
}
