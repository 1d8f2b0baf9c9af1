package io.rehearsal.twin;

import java.util.List;

/**
 * Outcome of an experiment: the baseline's runs and each candidate's paired comparison.
 *
 * @param baseline baseline scenario name
 * @param seed master seed shared by all runs
 * @param replications replications per scenario
 * @param baselineRuns the baseline's runs, by replication
 * @param candidates per candidate, in the order given
 */
public record ExperimentResult(
    String baseline,
    long seed,
    int replications,
    List<RunResult> baselineRuns,
    List<CandidateResult> candidates) {
  /** Copies the lists. */
  public ExperimentResult {
    baselineRuns = List.copyOf(baselineRuns);
    candidates = List.copyOf(candidates);
  }

  /** The result of the candidate with that name. */
  public CandidateResult candidate(String name) {
    return candidates.stream()
        .filter(c -> c.candidate().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown candidate '" + name + "'"));
  }
}
