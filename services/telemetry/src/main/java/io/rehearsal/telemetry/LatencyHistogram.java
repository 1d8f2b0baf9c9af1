package io.rehearsal.telemetry;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * An immutable latency distribution: an HdrHistogram of durations recorded in microseconds, read in
 * nanoseconds. Quantiles are exact to the configured significant digits (2 digits: within 1%) plus
 * one microsecond.
 */
public final class LatencyHistogram {

  private static final long NANOS_PER_MICRO = 1_000;

  private final Histogram micros;

  private LatencyHistogram(Histogram micros) {
    this.micros = micros;
  }

  /** An empty histogram with the given precision. */
  public static LatencyHistogram empty(int significantDigits) {
    return new LatencyHistogram(newRecorder(significantDigits));
  }

  /** A histogram of the given durations in nanoseconds, e.g. for tests and fits. */
  public static LatencyHistogram ofNanos(int significantDigits, long... durationsNanos) {
    Histogram histogram = newRecorder(significantDigits);
    for (long duration : durationsNanos) {
      record(histogram, duration);
    }
    return new LatencyHistogram(histogram);
  }

  /**
   * Reads a histogram written by {@link #encode()}.
   *
   * @throws IllegalArgumentException if the bytes are not an encoded histogram
   */
  public static LatencyHistogram decode(byte[] bytes) {
    try {
      return new LatencyHistogram(
          Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 2));
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
    }
  }

  /**
   * The union of several histograms, e.g. one endpoint over consecutive windows; the precision is
   * the finest of the parts (2 digits when there are none).
   */
  public static LatencyHistogram merge(Collection<LatencyHistogram> parts) {
    int digits = parts.stream().mapToInt(LatencyHistogram::significantDigits).max().orElse(2);
    Histogram merged = newRecorder(digits);
    parts.forEach(part -> merged.add(part.micros));
    return new LatencyHistogram(merged);
  }

  /** A mutable auto-resizing HdrHistogram recording microseconds. */
  static Histogram newRecorder(int significantDigits) {
    return new Histogram(significantDigits);
  }

  /** Records a duration in nanoseconds, rounded to the nearest microsecond, into a recorder. */
  static void record(Histogram recorder, long durationNanos) {
    recorder.recordValue(Math.max(0, (durationNanos + NANOS_PER_MICRO / 2) / NANOS_PER_MICRO));
  }

  /** Freezes a copy of a recorder. */
  static LatencyHistogram snapshot(Histogram recorder) {
    return new LatencyHistogram(recorder.copy());
  }

  /** How many durations were recorded. */
  public long count() {
    return micros.getTotalCount();
  }

  /**
   * The duration at quantile {@code q} (0 to 1) in nanoseconds: the smallest recorded value such
   * that a fraction q of all values are at or below it (0 when empty).
   */
  public long valueAtQuantileNanos(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be between 0 and 1, but was " + q);
    }
    return micros.getValueAtPercentile(q * 100) * NANOS_PER_MICRO;
  }

  /** The largest recorded duration in nanoseconds (to the histogram's precision). */
  public long maxNanos() {
    return micros.getMaxValue() * NANOS_PER_MICRO;
  }

  /** The mean recorded duration in nanoseconds (0 when empty). */
  public double meanNanos() {
    return count() == 0 ? 0 : micros.getMean() * NANOS_PER_MICRO;
  }

  /** The histogram's precision in significant decimal digits. */
  public int significantDigits() {
    return micros.getNumberOfSignificantValueDigits();
  }

  /** A mutable copy in microseconds, e.g. to merge windows. */
  public Histogram toHdrHistogramMicros() {
    return micros.copy();
  }

  /** The compressed HdrHistogram encoding of this histogram. */
  public byte[] encode() {
    ByteBuffer buffer = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
    int length = micros.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LatencyHistogram that && micros.equals(that.micros);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count()) * 31 + Long.hashCode(micros.getMaxValue());
  }

  @Override
  public String toString() {
    return "LatencyHistogram[count="
        + count()
        + ", p50="
        + valueAtQuantileNanos(0.5)
        + "ns, p99="
        + valueAtQuantileNanos(0.99)
        + "ns, max="
        + maxNanos()
        + "ns]";
  }
}
