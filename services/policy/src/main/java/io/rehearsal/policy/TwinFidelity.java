package io.rehearsal.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * How faithful the twin the evidence was simulated on is to production.
 *
 * @param p50Mape MAPE of predicted vs observed median latency, as a fraction (0.08 = 8 %)
 * @param p99Mape MAPE of predicted vs observed p99 latency, as a fraction
 * @param stale true when a drift check marked the snapshot stale
 * @param calibratedAt when the snapshot was calibrated
 */
public record TwinFidelity(double p50Mape, double p99Mape, boolean stale, Instant calibratedAt) {

  /** Checks the ranges. */
  public TwinFidelity {
    if (!(p50Mape >= 0) || !(p99Mape >= 0)) {
      throw new IllegalArgumentException(
          "twin MAPEs must be >= 0, but were p50 " + p50Mape + ", p99 " + p99Mape);
    }
    Objects.requireNonNull(calibratedAt, "twin.calibrated_at");
  }
}
