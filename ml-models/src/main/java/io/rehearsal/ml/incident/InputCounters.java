package io.rehearsal.ml.incident;

/**
 * What the engine refused, by reason; nothing it refuses stops it.
 *
 * @param accepted requests counted
 * @param invalid requests without a service or endpoint name
 * @param notFinite requests whose latency was NaN, infinite or negative
 * @param late requests for a second already judged (out of order beyond the lateness)
 * @param future requests more than the lateness ahead of the clock (clock skew), dropped
 * @param duplicate requests whose id was already counted
 * @param clockBackwards calls of advanceTo with a time before the clock, ignored
 */
public record InputCounters(
    long accepted,
    long invalid,
    long notFinite,
    long late,
    long future,
    long duplicate,
    long clockBackwards) {}
