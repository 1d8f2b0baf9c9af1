package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricDifferenceTest {

  @Test
  void shouldComputeTheTIntervalWhenDifferencesAreGiven() {
    double[] base = {10, 12, 11, 13, 9};
    double[] cand = {9, 10, 10, 11, 8};
    MetricDifference d = MetricDifference.of(Metric.P99_LATENCY, base, cand);
    // differences -1 -2 -1 -2 -1: mean -1.4, sd 0.5477, se 0.2449, t(0.975, 4) = 2.7764
    assertThat(d.mean()).isCloseTo(-1.4, within(1e-12));
    assertThat(d.stddev()).isCloseTo(0.547723, within(1e-6));
    assertThat(d.ciLow()).isCloseTo(-1.4 - 2.776445 * 0.244949, within(1e-5));
    assertThat(d.ciHigh()).isCloseTo(-1.4 + 2.776445 * 0.244949, within(1e-5));
    // P(T4 < 1.4 / 0.244949 = 5.7155) = 0.99768
    assertThat(d.probabilityOfImprovement()).isCloseTo(0.99768, within(1e-5));
    assertThat(d.fractionImproved()).isEqualTo(1.0);
  }

  @Test
  void shouldFlipTheDirectionWhenHigherIsBetter() {
    double[] base = {0.5, 0.5, 0.6};
    double[] cand = {0.4, 0.3, 0.5};
    MetricDifference d = MetricDifference.of(Metric.SLO_ATTAINMENT, base, cand);
    assertThat(d.probabilityOfImprovement()).isLessThan(0.05);
    assertThat(d.fractionImproved()).isZero();
  }

  @Test
  void shouldRejectUnpairedValuesWhenLengthsDiffer() {
    assertThatThrownBy(
            () -> MetricDifference.of(Metric.COST, new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 and 1");
  }
}
