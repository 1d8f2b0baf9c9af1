package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitEvaluationTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));

  @Test
  void shouldScoreTheTopHypothesisWhenTheLabelNamesTheInjectedFault() {
    Incident crash = incident("crash", FaultKind.ERROR_RATE, "cart", 0.3, "error", "cart");
    Incident wrong = incident("wrong", FaultKind.ERROR_RATE, "cart", 0.3, "latency", "cart");
    FitReport report =
        FitEvaluation.evaluate(SHOP, List.of(crash, wrong), new FitConfig(20, 7, 1, 2, 2));
    assertThat(report.outcomes()).extracting(FitOutcome::id).containsExactly("crash", "wrong");
    assertThat(report.outcomes().get(0).correct()).isTrue();
    assertThat(report.outcomes().get(1).trueRank()).isNotEqualTo(1);
    assertThat(report.top1Accuracy()).isEqualTo(0.5);
  }

  @Test
  void shouldRefuseAnIncidentWhenItHasNoLabel() {
    Incident bare =
        incident("x", FaultKind.ERROR_RATE, "cart", 0.3, "error", "cart").withLabel(null);
    assertThatThrownBy(() -> FitEvaluation.evaluate(SHOP, List.of(bare), FitConfig.of(1, 1)))
        .hasMessageContaining("no label");
  }

  @Test
  void shouldDropEndpointsWhenTheTwinDoesNotHaveThem() {
    Incident i = incident("x", FaultKind.ERROR_RATE, "cart", 0.3, "error", "cart");
    Symptoms kept = FitEvaluation.restrict(i, Set.of(i.symptoms().names().get(0)));
    assertThat(kept.names()).containsExactly(i.symptoms().names().get(0));
  }

  private static Incident incident(
      String id, FaultKind kind, String target, double factor, String label, String labelTarget) {
    Fault fault = new Fault(kind, 20, 40.0, target, factor, null);
    SimulationConfig config = new SimulationConfig(60, 20, 10, false);
    Symptoms symptoms =
        Symptoms.fromRun(
            new Simulation(SHOP, new Scenario("t", List.of(fault), List.of()), config, 1001).run(0),
            20,
            4);
    return new Incident(
        id, id, 0, symptoms, Map.of(), new IncidentLabel(label, labelTarget, null, factor));
  }
}
