package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;

class SloGradesTest {
  // Plans.SPEC has one SLO: api/GET /, p99 within 0.3 s, target 0.99.

  /** 10 requests: 8 succeeded with these latencies (seconds), 2 failed. */
  private static RunResult run(double... okLatencies) {
    IntCountsHistogram h = new IntCountsHistogram(3_600_000_000L, 3);
    for (double s : okLatencies) {
      h.recordValue((long) (s * 1e6));
    }
    EndpointResult e =
        new EndpointResult(
            "api/GET /", okLatencies.length, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, h, List.of());
    return new RunResult(
        "r",
        1,
        0,
        SimulationConfig.of(60),
        0,
        List.of(e),
        List.of(),
        List.of(),
        List.of(),
        0,
        0,
        0,
        Double.NaN,
        0);
  }

  @Test
  void shouldCountGoodEventsAtOneTwoAndFourThresholdsWhenGraded() {
    SloGrades g =
        SloGrades.of(Plans.SPEC, Objectives.DEFAULT, run(0.1, 0.2, 0.25, 0.35, 0.5, 0.7, 1.0, 1.5));
    // <= 0.3 s: 3 of 10; <= 0.6 s: 5 of 10; <= 1.2 s: 7 of 10 (the 2 failures are never good).
    assertThat(g.attainment()).isCloseTo(0.3, within(1e-12));
    assertThat(g.graded()).isCloseTo((0.3 + 0.5 + 0.7) / 3, within(1e-12));
    assertThat(g.perSlo()).containsExactly(0.3);
  }

  @Test
  void shouldSeparateANearMissFromAFarMissWhenNeitherMeetsTheThreshold() {
    SloGrades near =
        SloGrades.of(Plans.SPEC, Objectives.DEFAULT, run(0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4));
    SloGrades far = SloGrades.of(Plans.SPEC, Objectives.DEFAULT, run(2, 2, 2, 2, 2, 2, 2, 2));
    assertThat(near.attainment()).isZero();
    assertThat(far.attainment()).isZero();
    // near: 0 + 0.8 + 0.8; far: nothing within 1.2 s.
    assertThat(near.graded()).isCloseTo(1.6 / 3, within(1e-12));
    assertThat(far.graded()).isZero();
  }

  @Test
  void shouldGiveFullMarksWhenTheTwinHasNoWeightedSlo() {
    Objectives other = new Objectives(Map.of("web/GET /", 1.0), 0, 0);
    SloGrades g = SloGrades.of(Plans.SPEC, other, run(2, 2));
    assertThat(g.attainment()).isEqualTo(1);
    assertThat(g.graded()).isEqualTo(1);
  }

  @Test
  void shouldUseTheGradedAttainmentWhenComputingUtility() {
    ReplicationOutcome o = new ReplicationOutcome(0.2, 0.6, 0, 0, 0, 1000, true, List.of(0.2));
    assertThat(new Objectives(Map.of(), 1e-4, 0).utility(o)).isCloseTo(0.5, within(1e-12));
  }
}
