package io.rehearsal.sandbox.evaluation;

import io.rehearsal.rehearse.evaluation.ReplicationPolicy;

/**
 * How the sandbox turns a request into simulations.
 *
 * @param warmupSeconds simulated seconds before the fork, so queues reach steady state (excluded
 *     from outcomes)
 * @param bucketSeconds width of the simulated time series' buckets
 * @param fitWarmupSeconds warm-up of the fault fitter's runs (rounded up to the symptoms' bucket)
 * @param fitRefine best screened hypotheses whose magnitude is refined
 * @param fitRefineEvaluations simulations per refinement
 * @param fitThreads fault-fitting simulations run in parallel
 * @param jobSize replications per simulation job
 * @param policy replication policy for fields the request leaves unset
 * @param hypothesesReported fitted hypotheses kept in the evaluation, best first
 */
public record PipelineSettings(
    double warmupSeconds,
    double bucketSeconds,
    double fitWarmupSeconds,
    int fitRefine,
    int fitRefineEvaluations,
    int fitThreads,
    int jobSize,
    ReplicationPolicy policy,
    int hypothesesReported) {
  /** Validates the settings. */
  public PipelineSettings {
    if (!(warmupSeconds >= 0) || !(bucketSeconds > 0) || !(fitWarmupSeconds >= 0)) {
      throw new IllegalArgumentException(
          "warmupSeconds, fitWarmupSeconds must be >= 0 and bucketSeconds > 0, but were "
              + warmupSeconds
              + ", "
              + fitWarmupSeconds
              + ", "
              + bucketSeconds);
    }
    if (fitRefine < 0
        || fitRefineEvaluations < 0
        || fitThreads < 1
        || jobSize < 1
        || hypothesesReported < 1) {
      throw new IllegalArgumentException(
          "fitRefine, fitRefineEvaluations must be >= 0 and fitThreads, jobSize, hypothesesReported"
              + " >= 1, but were "
              + fitRefine
              + ", "
              + fitRefineEvaluations
              + ", "
              + fitThreads
              + ", "
              + jobSize
              + ", "
              + hypothesesReported);
    }
  }
}
