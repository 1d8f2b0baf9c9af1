package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContextOseDetectorTest {

  private static final DetectorConfig.Context CONFIG = DetectorConfig.defaults().context();
  private static final int WARM_UP = CONFIG.gridWarmUp();

  /**
   * A warm-up between 0 and 10, then an alternation of 30 and 60, then 30 repeated: both later
   * levels lie above the warm-up's range, so without re-quantising both would be clamped to the top
   * level and the break in the alternation would look like more of the same.
   */
  @Test
  void shouldSeeABreakBetweenTwoLevelsAboveTheWarmUpRangeWhenTheRangeIsRequantised() {
    double[] values = new double[WARM_UP + 400 + 6];
    double[] cycle = {0, 5, 10, 5};
    for (int i = 0; i < WARM_UP; i++) {
      values[i] = cycle[i % cycle.length];
    }
    for (int i = WARM_UP; i < WARM_UP + 400; i++) {
      values[i] = (i - WARM_UP) % 2 == 0 ? 30 : 60;
    }
    for (int i = WARM_UP + 400; i < values.length; i++) {
      values[i] = 30;
    }
    ContextOseDetector detector = new ContextOseDetector(CONFIG);
    double[] scores = Series.run(detector, values);

    assertThat(detector.rebuilds()).as("30 and then 60 leave the range seen so far").isEqualTo(2);
    assertThat(Series.max(scores, WARM_UP + 300, WARM_UP + 400)).as("alternation learned").isZero();
    assertThat(Series.max(scores, WARM_UP + 400, values.length)).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void shouldNeverRebuildWhenLaterValuesStayWithinTheWarmUpsRange() {
    ContextOseDetector detector = new ContextOseDetector(CONFIG);
    Series.run(detector, Series.daily(2_000, 0.0, 5));
    assertThat(detector.rebuilds()).isZero();
  }

  @Test
  void shouldStayQuietWhenTheMemoryIsRebuiltDuringARestPeriod() {
    int[] cycle = {0, 2, 5, 7, 5, 2};
    CadOse old = new CadOse(20);
    CadOse rebuilt = new CadOse(20);
    CadOse control = new CadOse(20);
    for (int c = 0; c < 30; c++) {
      for (int level : cycle) {
        old.score(level);
        rebuilt.score(level);
        control.score(level);
      }
    }
    assertThat(old.score(3)).isGreaterThanOrEqualTo(CadOse.BASE_THRESHOLD); // its rest starts
    rebuilt.restLike(old);
    assertThat(control.score(3))
        .as("the same memory without the rest")
        .isGreaterThanOrEqualTo(0.75);
    assertThat(rebuilt.score(3)).as("the rebuilt memory, still resting").isZero();
  }

  /**
   * The same rows one hour apart and five minutes apart: a novelty 20 rows after another is 20
   * hours later on the hourly series, past the 12.5-hour rest, and 100 minutes later on the other,
   * within it. Resting in rows (NAB's CAD OSE) would silence both or neither.
   */
  @Test
  void shouldRestForTheSameTimeWhateverTheSeriesInterval() {
    double[] values = new double[WARM_UP + 700];
    double[] cycle = {0, 2, 5, 7, 5, 2};
    for (int i = 0; i < values.length; i++) {
      values[i] = cycle[i % cycle.length];
    }
    int first = WARM_UP + 500;
    values[first] = 3;
    values[first + 20] = 6;
    double[] hourly = Series.run(new ContextOseDetector(CONFIG), values, Series.HOUR);
    double[] fiveMinutes = Series.run(new ContextOseDetector(CONFIG), values, 300);

    assertThat(CONFIG.restSeconds()).isEqualTo(45_000);
    assertThat(hourly[first]).isGreaterThanOrEqualTo(CONFIG.restThreshold());
    assertThat(fiveMinutes[first]).isGreaterThanOrEqualTo(CONFIG.restThreshold());
    assertThat(hourly[first + 20]).as("20 h later").isGreaterThanOrEqualTo(0.5);
    assertThat(fiveMinutes[first + 20]).as("100 min later, resting").isZero();
    assertThat(Series.max(fiveMinutes, first + 1, first + 150)).as("12.5 h of 5-min rows").isZero();
  }
}
