package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.ReplicationPolicy;

/**
 * How a rehearsal simulates: the twin runs {@code warmup} seconds before the onset, then the
 * observed symptoms' span (the decision is taken at its end), then {@code horizon} seconds.
 *
 * @param seed base seed of the fit and of every arm's streams
 * @param threads simulations run in parallel
 * @param warmup seconds simulated before the onset (rounded up to whole buckets)
 * @param horizon seconds simulated after the decision; outcomes are measured over them
 * @param bucket width of the time series' buckets, seconds
 * @param policy ranking-and-selection budget (the scoring objectives come from the candidate file)
 */
record RehearsalSettings(
    long seed,
    int threads,
    double warmup,
    double horizon,
    double bucket,
    ReplicationPolicy policy) {}
