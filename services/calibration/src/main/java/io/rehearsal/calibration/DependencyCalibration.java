package io.rehearsal.calibration;

/**
 * What calibration learnt about an external dependency (a peer no SERVER span ever answered).
 *
 * @param name dependency name
 * @param attempts call attempts seen
 * @param latency fitted latency of the successful attempts
 * @param errorRate share of attempts that failed other than by rate limiting
 * @param rateLimited attempts answered 429
 * @param inferredRate token rate inferred from the 429s (NaN when there were none)
 * @param inferredBurst bucket size inferred from the 429s (NaN when there were none)
 */
public record DependencyCalibration(
    String name,
    int attempts,
    FittedDistribution latency,
    double errorRate,
    int rateLimited,
    double inferredRate,
    double inferredBurst) {}
