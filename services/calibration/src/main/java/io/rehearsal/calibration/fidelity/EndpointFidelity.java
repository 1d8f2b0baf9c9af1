package io.rehearsal.calibration.fidelity;

/**
 * Observed against predicted for one endpoint. Latencies are of successful requests, in seconds, as
 * the caller sees them (the CLIENT span of each attempt, the SERVER span of entry requests);
 * throughput is successful requests per second.
 *
 * @param endpoint {@code service/endpoint}
 * @param observedRequests requests (attempts) observed
 * @param predictedRequests requests the twin completed per replication, on average
 * @param p50 median latency
 * @param p99 99th percentile latency
 * @param errorRate share of requests that failed (errors, timeouts, rejections)
 * @param throughput successful requests per second
 * @param inSummary whether the endpoint counts in the summary (enough observations)
 */
public record EndpointFidelity(
    String endpoint,
    long observedRequests,
    double predictedRequests,
    Comparison p50,
    Comparison p99,
    Comparison errorRate,
    Comparison throughput,
    boolean inSummary) {}
