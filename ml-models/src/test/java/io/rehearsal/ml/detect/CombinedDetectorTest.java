package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The combination's rest after a spatial anomaly, on the series' clock. */
class CombinedDetectorTest {

  private static final DetectorConfig CONFIG = DetectorConfig.defaults();

  /**
   * Two values far above everything before, 10 rows apart: 10 hours on an hourly series, past the
   * combination's 30,000-s rest, so both are reported; 50 minutes on a 5-minute series, so the
   * second falls in the first one's rest.
   */
  @Test
  void shouldReportASecondSpikeOnlyWhenItComesAfterTheRestInTime() {
    double[] values = Series.daily(600, 0.0, 3);
    int first = 400;
    values[first] = 100;
    values[first + 10] = 200;
    double[] hourly = Series.run(Detectors.create(Detectors.COMBINED, CONFIG), values, Series.HOUR);
    double[] fiveMinutes = Series.run(Detectors.create(Detectors.COMBINED, CONFIG), values, 300);

    assertThat(CONFIG.combination().restSeconds()).isEqualTo(30_000);
    assertThat(hourly[first]).isEqualTo(1.0);
    assertThat(fiveMinutes[first]).isEqualTo(1.0);
    assertThat(hourly[first + 10]).as("10 h later").isEqualTo(1.0);
    assertThat(fiveMinutes[first + 10]).as("50 min later, resting").isZero();
  }

  @Test
  void shouldRestInRowsOnlyWhenTheConfigurationSaysRowsAsOldArtifactsDo() {
    DetectorConfig.Combination rows = new DetectorConfig.Combination(1.0, 0, 0, 1.0, 1.0, 5, 0);
    DetectorConfig config =
        new DetectorConfig(
            42, CONFIG.context(), CONFIG.seasonal(), CONFIG.forest(), CONFIG.likelihood(), rows);
    double[] values = Series.daily(600, 0.0, 3);
    values[400] = 100;
    values[406] = 200; // six rows later: past a rest of 5 rows, whatever the interval
    double[] hourly = Series.run(Detectors.create(Detectors.COMBINED, config), values, Series.HOUR);

    assertThat(hourly[400]).isEqualTo(1.0);
    assertThat(Series.max(hourly, 401, 406)).isZero();
    assertThat(hourly[406]).isEqualTo(1.0);
  }
}
