package io.rehearsal.twin;

/**
 * Candidate minus baseline for one outcome, paired by replication (common random numbers).
 *
 * @param outcome the outcome compared
 * @param baselineMean mean over baseline replications
 * @param candidateMean mean over candidate replications
 * @param meanDifference mean of the per-replication differences (candidate - baseline)
 * @param ciLow lower end of the 95% t confidence interval of the mean difference
 * @param ciHigh upper end of it
 * @param probabilityOfImprovement P(the true mean difference is in the better direction), from the
 *     t distribution of the paired differences
 * @param fractionImproved share of replications in which the candidate did strictly better
 */
public record PairedDifference(
    Outcome outcome,
    double baselineMean,
    double candidateMean,
    double meanDifference,
    double ciLow,
    double ciHigh,
    double probabilityOfImprovement,
    double fractionImproved) {}
