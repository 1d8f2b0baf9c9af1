package io.rehearsal.telemetry;

/**
 * Counters of a {@link WindowAggregator}: what it took in and what it had to drop or degrade.
 *
 * @param spans spans offered
 * @param metricPoints metric points offered
 * @param lateSpans spans whose window had already closed (dropped)
 * @param latePoints metric points whose window had already closed (dropped)
 * @param overflow spans and points dropped because a window or series bound was reached
 * @param lateCalls calls whose parent's window had closed before their trace was resolved
 * @param unresolvedCalls CLIENT/PRODUCER spans with no SERVER/CONSUMER ancestor in their trace
 * @param tracesResolvedEarly traces resolved before their grace ended, to bound memory
 * @param bufferedSpans spans currently held for trace resolution
 * @param openWindows windows currently open
 */
public record AggregatorStats(
    long spans,
    long metricPoints,
    long lateSpans,
    long latePoints,
    long overflow,
    long lateCalls,
    long unresolvedCalls,
    long tracesResolvedEarly,
    int bufferedSpans,
    int openWindows) {}
