package io.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimulationReportTest {
  private final SimulationReport report = SampleReports.simulation();

  @Test
  void shouldAddTheCountsAndAverageTheThroughputWhenPoolingRuns() {
    SimulationReport.Endpoint front = report.endpoints().get(0);

    assertThat(front.endpoint()).isEqualTo("front/GET /");
    assertThat(front.ok()).isEqualTo(2 * 5400);
    assertThat(front.requests()).isEqualTo(2 * (5400 + 6 + 2 + 1));
    assertThat(front.errorRate()).isCloseTo(9.0 / 5409, within(1e-12));
    assertThat(front.throughput()).isEqualTo(9.5);
  }

  @Test
  void shouldTakePercentilesFromThePooledHistogramWhenRunsDiffer() {
    double p99 = report.endpoints().get(0).p99();

    assertThat(p99)
        .isEqualTo(SimulationReport.percentile(SimulationReport.pooled(report.runs(), 0), 99));
    assertThat(p99).isGreaterThan(1.0).isLessThan(1.51); // the slower run dominates the tail
  }

  @Test
  void shouldCallTheSloBreachedWhenOneRunMissedIt() {
    SimulationReport.Slo slo = report.slos().get(0);

    assertThat(slo.metRuns()).isEqualTo(1);
    assertThat(slo.runs()).isEqualTo(2);
    assertThat(slo.met()).isFalse();
    assertThat(slo.availability()).isCloseTo(5400.0 / 5409, within(1e-12));
  }

  @Test
  void shouldReportNeverRecoveredWhenARunDidNotRecover() {
    assertThat(report.timeToRecover()).isNaN();
    assertThat(report.cost()).isEqualTo(1080.5);
    assertThat(report.arrivalRate()).isEqualTo(10.0);
  }
}
