package io.rehearsal.twin.run;

/**
 * An SLO's verdict over the measured window.
 *
 * @param endpoint {@code service/endpoint}
 * @param percentile latency percentile, e.g. 99
 * @param latencyTarget threshold in seconds
 * @param availabilityTarget e.g. 0.999
 * @param latency observed latency at the percentile (NaN if nothing succeeded)
 * @param availability observed share of successful requests (1 if none)
 * @param met whether both targets were met
 * @param bucketsMet share of measured time buckets in which both were met
 */
public record SloResult(
    String endpoint,
    double percentile,
    double latencyTarget,
    double availabilityTarget,
    double latency,
    double availability,
    boolean met,
    double bucketsMet) {}
