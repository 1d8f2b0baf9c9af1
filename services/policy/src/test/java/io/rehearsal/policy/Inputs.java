package io.rehearsal.policy;

import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test inputs: a staging scale-up of checkout with good, fresh evidence on a fresh twin. */
final class Inputs {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private Inputs() {}

  static Action scaleUp(Environment environment, long delta) {
    return new Action(
        "scale-checkout",
        ActionKind.SCALE,
        Target.service("checkout"),
        environment,
        Map.of("delta", delta),
        "loop:autoscale-guard",
        new BlastRadius(0.3, (int) delta, List.of("checkout"), List.of("eu-west-1")));
  }

  static Evidence goodEvidence() {
    return evidence(Set.of(), Recommendation.Kind.RESTORES, Duration.ofMinutes(10));
  }

  static Evidence evidence(Set<EvidenceFlag> flags, Recommendation.Kind kind, Duration age) {
    return new Evidence("sha256:ev1", 1, true, flags, 0.97, 0.02, 0.06, kind, NOW.minus(age));
  }

  static TwinFidelity freshTwin() {
    return new TwinFidelity(0.04, 0.09, false, NOW.minus(Duration.ofHours(2)));
  }

  static PolicyInput good() {
    return PolicyInput.of(scaleUp(Environment.STAGING, 2), goodEvidence(), freshTwin());
  }

  static PolicyInput with(PolicyInput in, Optional<Evidence> evidence) {
    return new PolicyInput(
        in.action(),
        evidence,
        in.twin(),
        in.recent(),
        in.freezes(),
        in.killSwitch(),
        in.approvals());
  }

  static PolicyInput withRecent(PolicyInput in, List<PastAction> recent) {
    return new PolicyInput(
        in.action(),
        in.evidence(),
        in.twin(),
        recent,
        in.freezes(),
        in.killSwitch(),
        in.approvals());
  }
}
