package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutcomeStatisticsTest {
  private static final double[] ONE_TO_TWENTY = new double[20];

  static {
    for (int i = 0; i < 20; i++) {
      ONE_TO_TWENTY[19 - i] = i + 1;
    }
  }

  @Test
  void shouldTakeTheWorstTwoOfTwentyWhenComputingTheWorstDecile() {
    assertThat(OutcomeStatistics.of(ONE_TO_TWENTY, true).worstDecileMean()).isEqualTo(1.5);
    assertThat(OutcomeStatistics.of(ONE_TO_TWENTY, false).worstDecileMean()).isEqualTo(19.5);
  }

  @Test
  void shouldInterpolateQuantilesAndUseTheSampleDeviationWhenSummarising() {
    OutcomeStatistics s = OutcomeStatistics.of(ONE_TO_TWENTY, true);
    assertThat(s.mean()).isEqualTo(10.5);
    assertThat(s.p50()).isEqualTo(10.5);
    assertThat(s.p10()).isEqualTo(2.9, within(1e-12));
    assertThat(s.p90()).isEqualTo(18.1, within(1e-12));
    assertThat(s.stddev()).isEqualTo(Math.sqrt(35), within(1e-12));
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(20);
    assertThat(s.count()).isEqualTo(20);
  }

  @Test
  void shouldReportZeroDeviationWhenThereIsOneValue() {
    OutcomeStatistics s = OutcomeStatistics.of(new double[] {3}, false);
    assertThat(s.stddev()).isZero();
    assertThat(s.worstDecileMean()).isEqualTo(3);
  }
}
