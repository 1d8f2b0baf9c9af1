package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymptomsTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));

  @Test
  void shouldPoolRequestClassesWhenAnEndpointWasSplitByCaller() {
    TwinSpec split =
        TwinSpecs.fromYaml(
            TwinSpecs.toYaml(SHOP).replace("GET /stock", "GET /stock @ catalog/GET /items"));
    RunResult whole = run(SHOP);
    RunResult classes = run(split);
    String stock =
        whole.endpoints().stream()
            .map(e -> e.endpoint())
            .filter(n -> n.contains("/GET /stock"))
            .findFirst()
            .orElseThrow();
    Symptoms s = Symptoms.fromRun(classes, 10, 2, List.of(stock));
    assertThat(s.names()).containsExactly(stock);
    double pooled = s.endpoints().get(0).points().get(0).throughput();
    double plain =
        Symptoms.fromRun(whole, 10, 2, List.of(stock))
            .endpoints()
            .get(0)
            .points()
            .get(0)
            .throughput();
    assertThat(pooled).isPositive().isCloseTo(plain, withinPercentage(25));
  }

  @Test
  void shouldNameTheEndpointWhenTheRunDoesNotHaveIt() {
    assertThatThrownBy(() -> Symptoms.fromRun(run(SHOP), 10, 2, List.of("nobody/GET /")))
        .hasMessageContaining("'nobody/GET /'");
  }

  @Test
  void shouldAverageEachPointWhenTakingTheMeanOfRuns() {
    Symptoms a = one(new SymptomPoint(0.1, 0.2, 0.0, 10));
    Symptoms b = one(new SymptomPoint(0.3, Double.NaN, 0.5, 20));
    SymptomPoint m = Symptoms.mean(List.of(a, b)).endpoints().get(0).points().get(0);
    assertThat(m.p50()).isEqualTo(0.2);
    assertThat(m.p99()).isEqualTo(0.2);
    assertThat(m.errorRate()).isEqualTo(0.25);
    assertThat(m.throughput()).isEqualTo(15.0);
  }

  private static Symptoms one(SymptomPoint p) {
    return new Symptoms(1, List.of(new EndpointSymptoms("a/GET /", List.of(p))));
  }

  private static RunResult run(TwinSpec spec) {
    return new Simulation(spec, Scenario.NONE, new SimulationConfig(30, 10, 10, false), 3).run(0);
  }
}
