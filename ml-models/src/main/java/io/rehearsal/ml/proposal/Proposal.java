package io.rehearsal.ml.proposal;

import java.util.List;
import java.util.Objects;

/**
 * One candidate remediation for the sandbox.
 *
 * @param name a unique, readable name, e.g. {@code scale catalog to 3}
 * @param steps what it does
 * @param blastRadius share of the entry traffic that passes the changed target, in [0, 1]
 * @param scope where it applies, relative to the suspect
 * @param suspect the suspect it answers, e.g. {@code catalog LATENCY}
 * @param prior the pre-ranking score (suspect score discounted by catalog order), in (0, 1]
 * @param why why it was proposed, one sentence each
 */
public record Proposal(
    String name,
    List<Step> steps,
    double blastRadius,
    Scope scope,
    String suspect,
    double prior,
    List<String> why) {

  /** Copies the lists and checks the ranges. */
  public Proposal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(suspect, "suspect");
    Objects.requireNonNull(scope, "scope");
    steps = List.copyOf(steps);
    why = List.copyOf(why);
    Catalog.check(!steps.isEmpty(), "steps must not be empty", steps);
    Catalog.check(
        blastRadius >= 0 && blastRadius <= 1, "blastRadius must be in [0, 1]", blastRadius);
  }
}
