package io.rehearsal.ml.nab;

import java.util.Arrays;
import java.util.Objects;

/**
 * One NAB series, in file order: its corpus-relative name ({@code category/file.csv}), the
 * timestamps as written (kept verbatim so result files echo them) and as epoch seconds (UTC), the
 * values and, for result files, the anomaly scores.
 */
public final class NabSeries {

  private final String name;
  private final String[] timestamps;
  private final long[] epochSeconds;
  private final double[] values;
  private final double[] scores;

  NabSeries(
      String name, String[] timestamps, long[] epochSeconds, double[] values, double[] scores) {
    this.name = Objects.requireNonNull(name, "name");
    if (epochSeconds.length != timestamps.length || values.length != timestamps.length) {
      throw new IllegalArgumentException(name + ": columns of different lengths");
    }
    if (scores != null && scores.length != timestamps.length) {
      throw new IllegalArgumentException(name + ": scores and rows differ in length");
    }
    this.timestamps = timestamps;
    this.epochSeconds = epochSeconds;
    this.values = values;
    this.scores = scores;
  }

  /**
   * The series name relative to the corpus root, e.g. {@code realAdExchange/exchange-2_cpc.csv}.
   */
  public String name() {
    return name;
  }

  /** The category (the folder), e.g. {@code realAdExchange}; empty when the file is at the root. */
  public String category() {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /** Number of rows. */
  public int size() {
    return values.length;
  }

  /** The timestamp of row {@code i} as written in the file. */
  public String timestamp(int i) {
    return timestamps[i];
  }

  /** The timestamp of row {@code i} in seconds since the epoch (UTC). */
  public long epochSecond(int i) {
    return epochSeconds[i];
  }

  /** The value of row {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** A copy of the values. */
  public double[] values() {
    return values.clone();
  }

  /** A copy of the epoch seconds. */
  public long[] epochSeconds() {
    return epochSeconds.clone();
  }

  /** Whether this series came from a result file and so carries anomaly scores. */
  public boolean hasScores() {
    return scores != null;
  }

  /** A copy of the anomaly scores of a result file. */
  public double[] scores() {
    if (scores == null) {
      throw new IllegalStateException(name + " has no anomaly scores");
    }
    return scores.clone();
  }

  /** This series with the given anomaly scores, one per row. */
  public NabSeries withScores(double[] newScores) {
    return new NabSeries(name, timestamps, epochSeconds, values, newScores.clone());
  }

  /** This series under another name (result files carry the detector's prefix). */
  NabSeries renamed(String newName) {
    return new NabSeries(newName, timestamps, epochSeconds, values, scores);
  }

  @Override
  public String toString() {
    return name + " (" + values.length + " rows" + (scores == null ? "" : ", scored") + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NabSeries s
        && name.equals(s.name)
        && Arrays.equals(timestamps, s.timestamps)
        && Arrays.equals(values, s.values)
        && Arrays.equals(scores, s.scores);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(values);
  }
}
