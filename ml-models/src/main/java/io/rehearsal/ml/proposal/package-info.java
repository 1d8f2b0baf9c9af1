/**
 * Remediation proposals: a catalog in YAML ({@link io.rehearsal.ml.proposal.Catalogs}) says which
 * actions answer which fault kind on which kind of target, with parameter grids and guards; {@link
 * io.rehearsal.ml.proposal.Proposer} turns the ranked suspects of an incident into a short list of
 * candidates in the sandbox's candidate format, each with why it was proposed, and lists what the
 * guards held back. Deterministic; no I/O beyond reading the catalog text.
 */
package io.rehearsal.ml.proposal;
