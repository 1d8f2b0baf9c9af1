package io.rehearsal.twin;

import java.util.List;

/**
 * A candidate's comparison against the baseline.
 *
 * @param candidate candidate scenario name
 * @param differences one per {@link Outcome}, in enum order
 * @param runs the candidate's runs, by replication
 */
public record CandidateResult(
    String candidate, List<PairedDifference> differences, List<RunResult> runs) {
  /** Copies the lists. */
  public CandidateResult {
    differences = List.copyOf(differences);
    runs = List.copyOf(runs);
  }

  /** The difference for one outcome. */
  public PairedDifference difference(Outcome outcome) {
    return differences.get(outcome.ordinal());
  }
}
