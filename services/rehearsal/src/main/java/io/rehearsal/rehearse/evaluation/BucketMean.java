package io.rehearsal.rehearse.evaluation;

/**
 * One time bucket of an arm's predicted time series, averaged over the arm's replications.
 *
 * @param start bucket start, seconds on the simulation's clock
 * @param p99 mean over replications of the worst entry endpoint's 99th-percentile latency of
 *     successful requests in the bucket, seconds; replications with no success in the bucket are
 *     left out, NaN when none had one
 * @param errorRate mean over replications of the share of entry requests completed in the bucket
 *     that failed or were rejected, in [0, 1] (a replication with no completed request counts 0)
 */
public record BucketMean(double start, double p99, double errorRate) {}
