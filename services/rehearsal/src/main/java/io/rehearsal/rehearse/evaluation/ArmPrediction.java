package io.rehearsal.rehearse.evaluation;

/**
 * The predicted time series of one arm: its p99 latency and error rate per bucket of the {@link
 * PredictedSeries}, each a band across the arm's replications.
 *
 * @param arm the arm's name ({@link EvaluationPlan#DO_NOTHING} or the candidate's)
 * @param effectiveAt when the candidate's first remediation starts to act (decision plus actuation
 *     delay), seconds after the start of the measured window; NaN for "do nothing" and for a
 *     candidate without remediations
 * @param replications replications the percentiles are taken over (all of the arm's)
 * @param p99 worst entry endpoint's p99 latency of successful requests, seconds
 * @param errorRate share of entry requests that failed or were rejected, in [0, 1]
 */
public record ArmPrediction(
    String arm, double effectiveAt, int replications, BucketBand p99, BucketBand errorRate) {}
