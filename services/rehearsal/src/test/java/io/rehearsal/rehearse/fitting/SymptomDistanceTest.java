package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymptomDistanceTest {
  private static Symptoms one(SymptomPoint p) {
    return new Symptoms(10, List.of(new EndpointSymptoms("a/GET /", List.of(p, p))));
  }

  @Test
  void shouldBeZeroWhenSeriesAreIdentical() {
    Symptoms s = one(new SymptomPoint(0.05, 0.2, 0.01, 100));
    assertThat(SymptomDistance.loss(s, s)).isZero();
  }

  @Test
  void shouldPenaliseLogRatiosOfLatencyWhenTheSimulationIsSlower() {
    Symptoms o = one(new SymptomPoint(0.099, 0.2, 0, 100));
    Symptoms twice = one(new SymptomPoint(0.199, 0.2, 0, 100));
    // ln((0.199 + 0.001) / (0.099 + 0.001)) = ln 2 on p50 only.
    assertThat(SymptomDistance.loss(o, twice)).isEqualTo(Math.log(2) * Math.log(2), within(1e-12));
  }

  @Test
  void shouldCountAMissingLatencyAsOneWhenOnlyOneSideHasSuccesses() {
    Symptoms o = one(new SymptomPoint(Double.NaN, Double.NaN, 1, 10));
    Symptoms s = one(new SymptomPoint(0.1, 0.2, 1, 10));
    assertThat(SymptomDistance.loss(o, s)).isEqualTo(1 + 0.25, within(1e-12));
  }
}
