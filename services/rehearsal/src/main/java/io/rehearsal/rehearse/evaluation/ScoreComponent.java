package io.rehearsal.rehearse.evaluation;

/**
 * One term of a {@link Score}, explained.
 *
 * @param name {@code graded_slo_attainment}, {@code cost} or {@code risk}
 * @param input the term's input in its own unit (mean graded SLO attainment, mean replica-seconds,
 *     or the gap between mean and worst-decile utility)
 * @param weight weight applied to the input, negative for penalties
 * @param contribution {@code input * weight}, in score units
 * @param explanation human-readable, e.g. "cost 5400 replica-s x -1e-05"
 */
public record ScoreComponent(
    String name, double input, double weight, double contribution, String explanation) {}
