package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.spec.FaultKind;
import java.util.Objects;

/**
 * A fault to try, named before fitting (e.g. from a root-cause suspect): a kind and the service,
 * dependency or database it hits. For {@link FaultKind#TRAFFIC_SURGE} the target may be a service:
 * its entry endpoints are tried.
 *
 * @param kind the twin's fault kind
 * @param target the service, dependency or database
 */
public record HypothesisSeed(FaultKind kind, String target) {
  /** Checks that both are present. */
  public HypothesisSeed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }
}
