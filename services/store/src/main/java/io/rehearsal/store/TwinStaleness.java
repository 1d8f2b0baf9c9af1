package io.rehearsal.store;

/**
 * Why a twin snapshot no longer predicts production: a drift measure went past its bound. Once a
 * snapshot is marked stale it stays so; a recalibrated twin is a new snapshot, fresh again.
 *
 * @param reason a sentence for people, e.g. "p99_mape 2.10 exceeds the bound 0.50"
 * @param metric the measure, e.g. {@code p99_mape}
 * @param measured its value when the snapshot was marked
 * @param bound the configured bound it exceeded
 * @param atMillis when it was marked, epoch milliseconds (the marker's clock)
 */
public record TwinStaleness(
    String reason, String metric, double measured, double bound, long atMillis) {

  /** Validates the fields; messages name the field and the bad value. */
  public TwinStaleness {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank, but was '" + reason + "'");
    }
    if (metric == null || metric.isBlank() || metric.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "metric must be a word without spaces, but was '" + metric + "'");
    }
    if (Double.isNaN(measured) || Double.isNaN(bound)) {
      throw new IllegalArgumentException(
          "measured and bound must be numbers, but were " + measured + " and " + bound);
    }
    if (atMillis < 0) {
      throw new IllegalArgumentException("atMillis must be >= 0, but was " + atMillis);
    }
  }
}
