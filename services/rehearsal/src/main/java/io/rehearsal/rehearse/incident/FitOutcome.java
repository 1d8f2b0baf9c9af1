package io.rehearsal.rehearse.incident;

import io.rehearsal.rehearse.fitting.FaultHypothesis;

/**
 * How fault fitting did on one labelled incident.
 *
 * @param id the incident's id
 * @param label the injected fault
 * @param top the best-fitting hypothesis, or null when nothing was symptomatic
 * @param trueRank 1-based rank of the best hypothesis that names the label ({@link
 *     IncidentLabel#matches}), or 0 when no ranked hypothesis does
 * @param hypotheses how many hypotheses were ranked
 */
public record FitOutcome(
    String id, IncidentLabel label, FaultHypothesis top, int trueRank, int hypotheses) {

  /** Whether the top hypothesis names the injected fault's kind and target. */
  public boolean correct() {
    return trueRank == 1;
  }
}
