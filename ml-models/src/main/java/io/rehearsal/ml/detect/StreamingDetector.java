package io.rehearsal.ml.detect;

/**
 * A detector that sees one series one point at a time, in time order, and never looks ahead. It
 * learns as it goes; the score of a point is computed before the point is learned.
 */
public interface StreamingDetector {

  /**
   * Scores a point, then learns it.
   *
   * @param epochSecond the point's time in seconds since the epoch
   * @param value the point's value; NaN or infinite values are scored 0 and not learned
   * @return the raw anomaly score, at least 0, larger is more anomalous; its scale is the
   *     detector's own unless the detector says it is a likelihood in [0, 1]
   */
  double update(long epochSecond, double value);
}
