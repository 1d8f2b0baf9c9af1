package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class QueueWorkersTest {
  private static final Supplier<EvaluationPlan> PLAN =
      () -> {
        TwinSpec twin = TwinSpecs.fromYaml(SandboxFixtures.TWIN);
        Scenario fault =
            new Scenario(
                "slow",
                List.of(new Fault(FaultKind.LATENCY, 20, 0.0, "api", 3.0, null)),
                List.of());
        return new EvaluationPlan(
            twin,
            fault,
            CandidateSet.fromYaml(SandboxFixtures.CANDIDATES).candidates(40),
            new SimulationConfig(120, 40, 10, false),
            3,
            Objectives.DEFAULT,
            new ReplicationPolicy(3, 9, 3, 0.95, 0.02),
            1);
      };

  @Test
  void shouldEqualTheInProcessEvaluationWhenJobsTravelThroughTheQueues() {
    assertThat(QueueWorkers.evaluate(PLAN, 2)).isEqualTo(Evaluator.evaluate(PLAN.get(), 1));
  }

  @Test
  void shouldGiveTheSameResultWhateverTheWorkersWhenRunAgain() {
    assertThat(QueueWorkers.evaluate(PLAN, 1)).isEqualTo(QueueWorkers.evaluate(PLAN, 3));
  }
}
