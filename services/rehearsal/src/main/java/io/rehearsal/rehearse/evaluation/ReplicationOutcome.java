package io.rehearsal.rehearse.evaluation;

/**
 * The outcome metrics of one replication of one arm, measured over the run's measured window.
 *
 * @param sloAttainment weighted mean over the SLOs of the share of the SLO endpoint's requests that
 *     succeeded within the SLO's latency threshold, in [0, 1]; higher is better
 * @param p99Latency worst 99th-percentile latency among entry endpoints, in seconds
 * @param errorRate share of entry requests that did not succeed, in [0, 1]
 * @param timeToRecover seconds from the first fault until every SLO holds and keeps holding; the
 *     run's duration when it never recovers
 * @param cost replica-seconds of all services
 * @param recovered whether the SLOs held again before the end of the run
 */
public record ReplicationOutcome(
    double sloAttainment,
    double p99Latency,
    double errorRate,
    double timeToRecover,
    double cost,
    boolean recovered) {}
