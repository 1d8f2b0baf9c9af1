package io.rehearsal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.Plans;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.twin.spec.FaultKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalTest {
  private static final Rehearsal.Settings SETTINGS =
      new Rehearsal.Settings(7, Objectives.DEFAULT, new ReplicationPolicy(6, 30, 4, 0.95, 0.01), 3);
  private static final FaultHypothesis SLOWER =
      new FaultHypothesis(FaultKind.LATENCY, "api", 3.0, 0.1, 0.9, 0);
  private static final FaultHypothesis ERRORS =
      new FaultHypothesis(FaultKind.ERROR_RATE, "api", 0.2, 0.4, 0.6, 0);

  @Test
  void shouldStartTheBestHypothesisAtTheOnsetAndMeasureTheTimelinesWindowWhenPlanned() {
    Timeline t = Timeline.afterObservation(60, 30, 120, 10);
    EvaluationPlan plan =
        Rehearsal.plan(
            "inc-1", Plans.SPEC, List.of(SLOWER, ERRORS), Plans.candidates(), t, SETTINGS);
    assertThat(plan.incident().name()).isEqualTo("inc-1");
    assertThat(plan.incident().faults()).containsExactly(SLOWER.toFault(60, 0));
    assertThat(plan.config().warmup()).isEqualTo(90);
    assertThat(plan.config().duration()).isEqualTo(210);
    assertThat(plan.config().bucket()).isEqualTo(10);
    assertThat(plan.seed()).isEqualTo(7);
    assertThat(plan.arms()).isEqualTo(1 + Plans.candidates().size());
  }

  @Test
  void shouldRehearseWithoutAFaultWhenNothingWasFitted() {
    EvaluationPlan plan =
        Rehearsal.plan(
            "inc-2",
            Plans.SPEC,
            List.of(),
            Plans.candidates(),
            Timeline.fromOnset(60, 0, 120, 10),
            SETTINGS);
    assertThat(plan.incident().faults()).isEmpty();
    assertThat(plan.config().warmup()).isEqualTo(60);
  }
}
