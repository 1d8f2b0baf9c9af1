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
}
