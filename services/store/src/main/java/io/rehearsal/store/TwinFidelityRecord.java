package io.rehearsal.store;

/**
 * The latest drift measurement of a twin snapshot against live telemetry: how far production was
 * from the twin's prediction for the same load, as the detector's drift check measured it. Kept per
 * snapshot and replaced by every measurement, whether or not it made the snapshot stale.
 *
 * <p>The errors are fractions (0.08 means 8 %), mean over the endpoints with enough requests; NaN
 * when no such endpoint had a value for that measure (e.g. no successful request to compare
 * throughput with).
 *
 * @param p50Mape mean absolute percentage error of the median latency
 * @param p99Mape mean absolute percentage error of the 99th percentile latency
 * @param throughputMape mean absolute percentage error of the throughput
 * @param errorRateAbsDiff mean absolute difference of the error rate
 * @param measuredAtMillis when it was measured, epoch milliseconds (the measurer's clock)
 */
public record TwinFidelityRecord(
    double p50Mape,
    double p99Mape,
    double throughputMape,
    double errorRateAbsDiff,
    long measuredAtMillis) {

  /** Validates the fields; messages name the field and the bad value. */
  public TwinFidelityRecord {
    nonNegativeOrNaN("p50Mape", p50Mape);
    nonNegativeOrNaN("p99Mape", p99Mape);
    nonNegativeOrNaN("throughputMape", throughputMape);
    nonNegativeOrNaN("errorRateAbsDiff", errorRateAbsDiff);
    if (measuredAtMillis < 0) {
      throw new IllegalArgumentException(
          "measuredAtMillis must be >= 0, but was " + measuredAtMillis);
    }
  }

  private static void nonNegativeOrNaN(String field, double value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          field + " must be >= 0 (or NaN when not measured), but was " + value);
    }
  }
}
