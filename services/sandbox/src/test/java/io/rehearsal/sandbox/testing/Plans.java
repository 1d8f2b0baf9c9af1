package io.rehearsal.sandbox.testing;

import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/** Evaluation plans on the reference shop's twin, built directly in twin terms. */
public final class Plans {

  private Plans() {}

  /**
   * Catalog slow from t=30 s; candidates: roll catalog back, scale it to 4, shed half the browse
   * traffic; {@code horizon} simulated seconds after the fault.
   */
  public static EvaluationPlan catalogIncident(
      TwinSpec twin, double horizon, ReplicationPolicy policy, int jobSize) {
    Scenario incident =
        new Scenario(
            "catalog slow",
            List.of(new Fault(FaultKind.LATENCY, 30, 0.0, "catalog", 6.0, null)),
            List.of());
    List<Candidate> candidates =
        List.of(
            new Candidate(
                "rollback",
                List.of(Remediation.of(RemediationKind.ROLLBACK, 40, "catalog", null)),
                0.5),
            new Candidate(
                "scale", List.of(Remediation.of(RemediationKind.SCALE, 40, "catalog", 4.0)), 0.5),
            new Candidate(
                "shed",
                List.of(Remediation.of(RemediationKind.SHED_LOAD, 40, "frontend/GET /browse", 0.5)),
                0.3));
    return new EvaluationPlan(
        twin,
        incident,
        candidates,
        new SimulationConfig(30 + horizon, 30, 10, false),
        42,
        Objectives.DEFAULT,
        policy,
        jobSize);
  }
}
