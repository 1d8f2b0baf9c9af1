package io.rehearsal.otlp;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * What {@link Recordings#read} keeps of a recording and how it treats bad lines. Immutable; each
 * {@code with}-style method returns a copy and validates its argument.
 *
 * <p>The period is cut by traces, never through one: a trace is kept when its root span started in
 * the period, with all its spans. {@link #last} is applied first, then {@link #skip} counts from
 * the first root of what is left.
 *
 * <pre>{@code
 * RecordingOptions.defaults().last(600).skip(75).skippingBadLines((file, summary) -> ...)
 * }</pre>
 */
public final class RecordingOptions {

  private static final BiConsumer<Path, ReadSummary> IGNORE = (file, summary) -> {};
  private static final RecordingOptions DEFAULTS =
      new RecordingOptions(0, Double.NaN, JsonLinesOptions.defaults(), IGNORE);

  private final double lastSeconds;
  private final double skipSeconds;
  private final JsonLinesOptions lines;
  private final BiConsumer<Path, ReadSummary> onFileRead;

  private RecordingOptions(
      double lastSeconds,
      double skipSeconds,
      JsonLinesOptions lines,
      BiConsumer<Path, ReadSummary> onFileRead) {
    this.lastSeconds = lastSeconds;
    this.skipSeconds = skipSeconds;
    this.lines = lines;
    this.onFileRead = onFileRead;
  }

  /** All of the recording; the first bad line stops reading with an {@link OtlpFileException}. */
  public static RecordingOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Keeps only the traces whose root started in the last {@code seconds} before the latest root's
   * start; in a directory, files last written well before that are not even read.
   *
   * @throws IllegalArgumentException unless {@code seconds} is positive and finite
   */
  public RecordingOptions last(double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("lastSeconds must be positive, but was " + seconds);
    }
    return new RecordingOptions(seconds, skipSeconds, lines, onFileRead);
  }

  /**
   * Drops the traces whose root started in the first {@code seconds} after the first root's start,
   * e.g. while the system warmed up. Traces without a root span are dropped too, even for 0.
   *
   * @throws IllegalArgumentException unless {@code seconds} is >= 0 and finite
   */
  public RecordingOptions skip(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("skipSeconds must be >= 0, but was " + seconds);
    }
    return new RecordingOptions(lastSeconds, seconds, lines, onFileRead);
  }

  /**
   * Skips bad lines (e.g. the line being written when a live segment is read) instead of stopping,
   * and hands each file's {@link ReadSummary}, which counts them, to {@code onFileRead}.
   */
  public RecordingOptions skippingBadLines(BiConsumer<Path, ReadSummary> onFileRead) {
    if (onFileRead == null) {
      throw new IllegalArgumentException("onFileRead must not be null");
    }
    return new RecordingOptions(lastSeconds, skipSeconds, lines.skippingBadLines(), onFileRead);
  }

  /** The seconds kept at the end, or 0 for all. */
  public double lastSeconds() {
    return lastSeconds;
  }

  /** Whether a start is skipped; see {@link #skip}. */
  public boolean skips() {
    return !Double.isNaN(skipSeconds);
  }

  /** The seconds skipped at the start, or 0 when none are. */
  public double skipSeconds() {
    return skips() ? skipSeconds : 0;
  }

  /** How each file's lines are read. */
  public JsonLinesOptions lines() {
    return lines;
  }

  /** Told each file's summary once it is read. */
  BiConsumer<Path, ReadSummary> onFileRead() {
    return onFileRead;
  }

  @Override
  public String toString() {
    return "RecordingOptions[lastSeconds="
        + lastSeconds
        + ", skipSeconds="
        + (skips() ? skipSeconds : "none")
        + ", lines="
        + lines
        + "]";
  }
}
