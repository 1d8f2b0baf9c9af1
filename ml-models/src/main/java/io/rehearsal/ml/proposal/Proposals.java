package io.rehearsal.ml.proposal;

import java.util.List;

/**
 * The candidates for one incident and what the guards or the budget held back.
 *
 * @param candidates at most the catalog's budget, best prior first
 * @param heldBack one sentence per candidate not proposed, with the reason
 */
public record Proposals(List<Proposal> candidates, List<String> heldBack) {
  /** Copies the lists. */
  public Proposals {
    candidates = List.copyOf(candidates);
    heldBack = List.copyOf(heldBack);
  }
}
