package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/**
 * A one-service twin (2 replicas x 4 workers, 100 req/s of 20 ms mean: 25 % busy) whose self time
 * triples at t = 60 s (75 % busy: p99 near the 0.3-s SLO), and four candidates decided at t = 90 s.
 */
public final class Plans {
  public static final TwinSpec SPEC =
      TwinSpec.builder("api")
          .service(
              new ServiceSpec(
                  "api",
                  "1",
                  2,
                  4,
                  50,
                  new Distribution.Constant(5),
                  null,
                  null,
                  List.of(EndpointSpec.of("GET /", new Distribution.Exponential(0.02)))))
          .traffic(new TrafficSpec("api/GET /", new ArrivalPattern.Poisson(100)))
          .slo(new SloSpec("api/GET /", 99, 0.3, 0.99))
          .build();
  static final Scenario INCIDENT =
      new Scenario(
          "bad deploy",
          List.of(new Fault(FaultKind.LATENCY, 60, 0.0, "api", 3.0, null)),
          List.of());
  static final SimulationConfig CONFIG = SimulationConfig.of(240).withWarmup(30);

  private Plans() {}

  public static List<Candidate> candidates() {
    return List.of(
        candidate("scale to 6", RemediationKind.SCALE, 6.0, 0.5),
        candidate("rollback", RemediationKind.ROLLBACK, null, 0.5),
        candidate("scale to 1", RemediationKind.SCALE, 1.0, 0.5),
        new Candidate("wait", List.of(), 0));
  }

  static Candidate candidate(String name, RemediationKind kind, Double value, double blast) {
    return new Candidate(name, List.of(Remediation.of(kind, 90, "api", value)), blast);
  }

  public static EvaluationPlan plan(long seed, ReplicationPolicy policy) {
    return new EvaluationPlan(
        SPEC, INCIDENT, candidates(), CONFIG, seed, Objectives.DEFAULT, policy, 3);
  }

  public static EvaluationPlan plan(long seed) {
    return plan(seed, new ReplicationPolicy(6, 30, 4, 0.95, 0.01));
  }
}
