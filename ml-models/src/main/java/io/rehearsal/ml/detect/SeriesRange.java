package io.rehearsal.ml.detect;

/**
 * What NAB's harness tells every detector before a file is run: the file's smallest and largest
 * value and its number of rows (NAB's HTM detector sizes its encoder with the range; CAD OSE
 * quantises over it and rests a fifth of the probation). It is look-ahead that NAB's protocol
 * allows; streaming use ({@link Detectors#create(String, DetectorConfig)}) has no range.
 *
 * @param min smallest finite value of the file
 * @param max largest finite value of the file
 * @param rows rows of the file
 */
public record SeriesRange(double min, double max, int rows) {

  /** Validates the range. */
  public SeriesRange {
    if (!(min <= max) || rows < 1) {
      throw new IllegalArgumentException(
          "series range must have min <= max and rows >= 1, but was "
              + min
              + ", "
              + max
              + ", "
              + rows);
    }
  }

  /** The range of some values (NaN and infinite values are skipped; none finite gives [0, 0]). */
  public static SeriesRange of(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min <= max
        ? new SeriesRange(min, max, values.length)
        : new SeriesRange(0, 0, values.length);
  }

  /** NAB's probationary period: {@code min(floor(0.15 rows), 0.15 * 5000)} rows. */
  public double probation() {
    return Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
  }
}
