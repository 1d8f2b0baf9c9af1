package io.rehearsal.ml.rca;

import java.util.List;
import java.util.Objects;

/**
 * One ranked root-cause suspect.
 *
 * @param target the service or external dependency
 * @param endpoint the endpoint the evidence is strongest on; empty for a whole service or a
 *     dependency
 * @param dependency whether the target is an external dependency
 * @param kind what is wrong with it
 * @param score the ranking score in (0, 1]; the first suspect has 1
 * @param why the evidence, one short sentence each, strongest first
 */
public record Suspect(
    String target,
    String endpoint,
    boolean dependency,
    FaultKind kind,
    double score,
    List<String> why) {

  /** Copies the reasons. */
  public Suspect {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(kind, "kind");
    why = List.copyOf(why);
  }

  /** E.g. {@code catalog LATENCY} or {@code payment-gateway DEPENDENCY_LATENCY}. */
  public String label() {
    return target + ' ' + kind;
  }
}
