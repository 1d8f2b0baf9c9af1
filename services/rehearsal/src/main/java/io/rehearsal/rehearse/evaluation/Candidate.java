package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.spec.Remediation;
import java.util.List;

/**
 * A candidate remediation: timed scenario remediations added to the incident.
 *
 * @param name unique name (the service uses the candidate's id)
 * @param remediations what is done, with times in the simulation's clock
 * @param blastRadius estimated reach in production, e.g. the fraction of entry traffic whose path
 *     crosses the target, in [0, 1]; the second tie-breaker of the ranking (lower first)
 */
public record Candidate(String name, List<Remediation> remediations, double blastRadius) {
  /** Validates the candidate and copies the list. */
  public Candidate {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was " + name);
    }
    remediations = List.copyOf(remediations);
    if (!(blastRadius >= 0 && blastRadius <= 1)) {
      throw new IllegalArgumentException(
          "candidates[" + name + "].blastRadius must be in [0, 1], but was " + blastRadius);
    }
  }
}
