package io.rehearsal.rehearse.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The outcome metrics of one replication of one arm, measured over the run's measured window.
 *
 * @param sloAttainment weighted mean over the SLOs of the share of the SLO endpoint's requests that
 *     succeeded within the SLO's latency threshold (good events / valid events), in [0, 1]; higher
 *     is better
 * @param gradedAttainment the same, with partial credit for near misses: per SLO, the mean of the
 *     good-event shares at 1, 2 and 4 times the latency threshold ({@link SloGrades}), in [0, 1]
 * @param p99Latency worst 99th-percentile latency among entry endpoints, in seconds
 * @param errorRate share of entry requests that did not succeed, in [0, 1]
 * @param timeToRecover seconds from the first fault until every SLO holds and keeps holding; the
 *     run's duration when it never recovers
 * @param cost replica-seconds of all services
 * @param recovered whether the SLOs held again before the end of the run
 * @param perSlo good-event share of each SLO of the twin, in the twin's SLO order
 * @param series the replication's time series over the measured window ({@link
 *     ReplicationSeries#NONE} when not measured)
 */
public record ReplicationOutcome(
    double sloAttainment,
    double gradedAttainment,
    double p99Latency,
    double errorRate,
    double timeToRecover,
    double cost,
    boolean recovered,
    List<Double> perSlo,
    ReplicationSeries series) {
  /** Copies the list. */
  public ReplicationOutcome {
    perSlo = List.copyOf(perSlo);
    Objects.requireNonNull(series, "series");
  }

  /** An outcome without a time series. */
  public ReplicationOutcome(
      double sloAttainment,
      double gradedAttainment,
      double p99Latency,
      double errorRate,
      double timeToRecover,
      double cost,
      boolean recovered,
      List<Double> perSlo) {
    this(
        sloAttainment,
        gradedAttainment,
        p99Latency,
        errorRate,
        timeToRecover,
        cost,
        recovered,
        perSlo,
        ReplicationSeries.NONE);
  }
}
