package io.rehearsal.ml.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * NAB's CSV files: data files ({@code timestamp,value}) and result files ({@code
 * timestamp,value,anomaly_score,label}). Columns are found by header name, so extra columns (NAB's
 * result files carry per-profile score columns) are ignored. Bad rows are refused with the file and
 * line named.
 */
public final class NabCsv {

  private NabCsv() {}

  /**
   * Reads a data or result file.
   *
   * @param name the series name used in messages and results ({@code category/file.csv})
   * @param in the file's text; closed by the caller
   * @param withScores whether an {@code anomaly_score} column is required (result files)
   */
  public static NabSeries read(String name, BufferedReader in, boolean withScores)
      throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new NabFormatException(name + ":1: empty file, expected a header");
    }
    Columns columns = Columns.of(name, header, withScores);
    Rows rows = new Rows();
    int lineNumber = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (!line.isBlank()) {
        rows.add(parseRow(name, lineNumber, line, columns));
      }
    }
    return rows.toSeries(name, withScores);
  }

  /**
   * Writes a result file: {@code timestamp,value,anomaly_score,label}.
   *
   * @param series the series, with one anomaly score per row
   * @param labels per row, 1 inside an anomaly window and 0 outside
   */
  public static void writeResult(NabSeries series, int[] labels, Writer out) throws IOException {
    double[] scores = series.scores();
    out.write("timestamp,value,anomaly_score,label\n");
    StringBuilder line = new StringBuilder(64);
    for (int i = 0; i < series.size(); i++) {
      line.setLength(0);
      line.append(series.timestamp(i)).append(',');
      line.append(format(series.value(i))).append(',');
      line.append(format(scores[i])).append(',').append(labels[i]).append('\n');
      out.write(line.toString());
    }
  }

  /** Shortest text that reads back as the same double; integers without a decimal point. */
  private static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static Row parseRow(String name, int lineNumber, String line, Columns columns) {
    String[] cells = line.split(",", -1);
    if (cells.length <= columns.max()) {
      throw new NabFormatException(
          name + ":" + lineNumber + ": expected " + (columns.max() + 1) + " columns: " + line);
    }
    String stamp = cells[columns.timestamp()].trim();
    LocalDateTime time = NabTime.parse(stamp);
    if (time == null) {
      throw new NabFormatException(name + ":" + lineNumber + ": bad timestamp '" + stamp + "'");
    }
    double value = number(name, lineNumber, cells[columns.value()], "value");
    double score =
        columns.score() < 0
            ? Double.NaN
            : number(name, lineNumber, cells[columns.score()], "anomaly_score");
    return new Row(stamp, NabTime.epochSeconds(time), value, score);
  }

  private static double number(String name, int lineNumber, String cell, String column) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      throw new NabFormatException(
          name + ":" + lineNumber + ": " + column + " is not a number: '" + cell + "'");
    }
  }

  private record Row(String stamp, long epochSecond, double value, double score) {}

  private record Columns(int timestamp, int value, int score) {

    static Columns of(String name, String header, boolean withScores) {
      var names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
      int t = names.indexOf("timestamp");
      int v = names.indexOf("value");
      int s = names.indexOf("anomaly_score");
      if (t < 0 || v < 0 || (withScores && s < 0)) {
        String want = withScores ? "timestamp,value,anomaly_score" : "timestamp,value";
        throw new NabFormatException(name + ":1: header must name " + want + ", was: " + header);
      }
      return new Columns(t, v, withScores ? s : -1);
    }

    int max() {
      return Math.max(timestamp, Math.max(value, score));
    }
  }

  /** Growable primitive columns: NAB files hold up to ~22,000 rows. */
  private static final class Rows {
    private String[] stamps = new String[1024];
    private long[] seconds = new long[1024];
    private double[] values = new double[1024];
    private double[] scores = new double[1024];
    private int size;

    void add(Row row) {
      if (size == values.length) {
        int n = size * 2;
        stamps = Arrays.copyOf(stamps, n);
        seconds = Arrays.copyOf(seconds, n);
        values = Arrays.copyOf(values, n);
        scores = Arrays.copyOf(scores, n);
      }
      stamps[size] = row.stamp();
      seconds[size] = row.epochSecond();
      values[size] = row.value();
      scores[size++] = row.score();
    }

    NabSeries toSeries(String name, boolean withScores) {
      return new NabSeries(
          name,
          Arrays.copyOf(stamps, size),
          Arrays.copyOf(seconds, size),
          Arrays.copyOf(values, size),
          withScores ? Arrays.copyOf(scores, size) : null);
    }
  }
}
