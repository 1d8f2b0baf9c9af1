package io.rehearsal.policy;

import java.util.Map;
import java.util.Objects;

/**
 * The remediation a caller asks to run, as the policy sees it.
 *
 * @param id the candidate's id, e.g. {@code scale-checkout}
 * @param kind what it does
 * @param target what it applies to
 * @param environment where it would run
 * @param parameters the kind's parameters by name, e.g. {@code delta: 2} for a scale or {@code
 *     rolling: true} for a restart; values are {@code Long}, {@code Double}, {@code Boolean},
 *     {@code String} or lists and maps of them
 * @param requester who asks, e.g. {@code loop:autoscale-guard}
 * @param blastRadius estimated reach
 */
public record Action(
    String id,
    ActionKind kind,
    Target target,
    Environment environment,
    Map<String, Object> parameters,
    String requester,
    BlastRadius blastRadius) {

  /** Copies the map and checks that nothing is missing. */
  public Action {
    Objects.requireNonNull(id, "remediation.id");
    Objects.requireNonNull(kind, "remediation.kind");
    Objects.requireNonNull(target, "remediation.target");
    Objects.requireNonNull(environment, "remediation.environment");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(requester, "remediation.requester");
    Objects.requireNonNull(blastRadius, "blast_radius");
  }
}
