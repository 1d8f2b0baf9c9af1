package io.rehearsal.rehearse.incident;

import java.util.List;

/**
 * Fault fitting scored on labelled incidents.
 *
 * @param outcomes per incident, in the order evaluated
 */
public record FitReport(List<FitOutcome> outcomes) {
  /** Copies the outcomes. */
  public FitReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Share of incidents whose top hypothesis names the injected fault (0 when there are none). */
  public double top1Accuracy() {
    return outcomes.isEmpty()
        ? 0
        : outcomes.stream().filter(FitOutcome::correct).count() / (double) outcomes.size();
  }

  /** Incidents whose top hypothesis names the injected fault. */
  public long correct() {
    return outcomes.stream().filter(FitOutcome::correct).count();
  }
}
