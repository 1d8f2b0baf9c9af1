package io.rehearsal.calibration;

import io.rehearsal.twin.spec.Distribution;

/**
 * A distribution fitted to a sample, with the evidence for it.
 *
 * @param distribution what the twin uses
 * @param family {@code constant}, {@code exponential}, {@code lognormal}, {@code gamma} or {@code
 *     empirical}
 * @param samples observations it was fitted to
 * @param pValue Kolmogorov–Smirnov p-value of the chosen parametric family (NaN for empirical and
 *     constant)
 * @param median sample median in seconds
 * @param p99 sample 99th percentile in seconds
 */
public record FittedDistribution(
    Distribution distribution,
    String family,
    int samples,
    double pValue,
    double median,
    double p99) {}
