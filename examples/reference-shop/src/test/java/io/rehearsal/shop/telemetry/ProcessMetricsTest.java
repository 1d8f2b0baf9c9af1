package io.rehearsal.shop.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMetricsTest {
  private long cpu;
  private long wall;

  @Test
  void shouldDivideCpuTimeByWallTimeAndCoresWhenSampled() {
    ProcessMetrics metrics = new ProcessMetrics(() -> cpu, () -> wall, 2);

    cpu += 1_000_000_000L;
    wall += 1_000_000_000L;
    double half = metrics.utilization();
    cpu += 100_000_000L;
    wall += 1_000_000_000L;
    double twentieth = metrics.utilization();

    assertThat(half).isEqualTo(0.5);
    assertThat(twentieth).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void shouldReportZeroWhenNoTimeHasPassed() {
    ProcessMetrics metrics = new ProcessMetrics(() -> cpu, () -> wall, 2);

    assertThat(metrics.utilization()).isZero();
  }
}
