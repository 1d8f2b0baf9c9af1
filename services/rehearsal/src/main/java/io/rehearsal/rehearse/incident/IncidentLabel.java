package io.rehearsal.rehearse.incident;

import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.twin.spec.FaultKind;
import java.util.Set;

/**
 * The fault that was really injected, for scoring fault fitting.
 *
 * @param kind a {@link LabelKind} spelling, e.g. {@code kill-replica}
 * @param target what the fault hit as the operator named it: a service, a replica such as {@code
 *     catalog-2}, or a dependency
 * @param service the twin service or dependency {@code target} belongs to ({@code catalog} for
 *     {@code catalog-2}); null means the target itself
 * @param magnitude the fault's size in the label's own unit (added ms, error rate, workers left,
 *     rate multiplier; 0 for a killed replica)
 */
public record IncidentLabel(String kind, String target, String service, double magnitude) {
  /** Validates the kind against {@link LabelKind} and defaults the service to the target. */
  public IncidentLabel {
    LabelKind.of(kind);
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("target must not be blank, but was '" + target + "'");
    }
    service = service == null || service.isBlank() ? target : service;
    if (!Double.isFinite(magnitude)) {
      throw new IllegalArgumentException("magnitude must be finite, but was " + magnitude);
    }
  }

  /** The twin fault kinds a hypothesis may have to name this label. */
  public Set<FaultKind> faultKinds() {
    return LabelKind.of(kind).faults();
  }

  /**
   * Whether {@code h} names this fault: its kind is the label's (see {@link LabelKind}) and its
   * target is the label's service, or for a surge, an entry endpoint of it ({@code service/...}) or
   * all entry endpoints ({@code *}).
   */
  public boolean matches(FaultHypothesis h) {
    if (!faultKinds().contains(h.kind())) {
      return false;
    }
    if (h.kind() == FaultKind.TRAFFIC_SURGE) {
      return h.target().equals("*") || h.target().startsWith(service + "/");
    }
    return h.target().equals(service);
  }
}
