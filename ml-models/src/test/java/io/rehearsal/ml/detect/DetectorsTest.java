package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class DetectorsTest {

  static final java.util.List<String> NAMES = Detectors.NAMES;

  /**
   * CAD OSE scores an unseen value {@code (1 + share of new contexts) / 2}, so a spike can score
   * about 0.5 while noise it has not learned yet scores more; it is held to that floor instead.
   */
  static final java.util.List<String> RANKING_SPIKES_FIRST =
      NAMES.stream().filter(n -> !n.equals("contextOSE")).toList();

  @ParameterizedTest
  @FieldSource("NAMES")
  void shouldGiveTheSameScoresWhenRunTwiceWithTheSameSeed(String name) {
    double[] values = Series.daily(900, 0.3, 7);
    values[800] += 15;
    DetectorConfig config = DetectorConfig.defaults();
    assertThat(Series.run(Detectors.create(name, config), values))
        .containsExactly(Series.run(Detectors.create(name, config), values));
  }

  @ParameterizedTest
  @FieldSource("RANKING_SPIKES_FIRST")
  void shouldScoreASpikeAboveTheQuietStretchBeforeItWhenTheSeriesIsSeasonal(String name) {
    double[] values = Series.daily(900, 0.3, 11);
    values[800] += 15;
    double[] scores = Series.run(Detectors.create(name, DetectorConfig.defaults()), values);
    assertThat(Series.max(scores, 795, 812)).isGreaterThan(Series.max(scores, 600, 790));
    assertThat(java.util.Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();
  }

  @Test
  void shouldScoreZeroDuringTheWarmUpAndANewPatternAfterItWhenStreamingCadOse() {
    double[] values = Series.daily(900, 0.0, 11);
    for (int i = 800; i < 812; i++) {
      values[i] = 10; // the cycle stops at its middle level
    }
    DetectorConfig config = DetectorConfig.defaults();
    double[] scores = Series.run(Detectors.create("contextOSE", config), values);
    assertThat(Series.max(scores, 0, config.context().gridWarmUp())).isZero();
    assertThat(Series.max(scores, 800, 812)).isGreaterThanOrEqualTo(0.5);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void shouldScoreEachPointFromThePointsUpToItWhenTheSeriesIsCutShort(String name) {
    double[] values = Series.daily(900, 0.3, 13);
    values[700] += 12;
    DetectorConfig config = DetectorConfig.defaults();
    double[] whole = Series.run(Detectors.create(name, config), values);
    for (int cut : new int[] {100, 151, 701}) {
      double[] head = java.util.Arrays.copyOf(values, cut);
      assertThat(Series.run(Detectors.create(name, config), head))
          .as("first %d points", cut)
          .containsExactly(java.util.Arrays.copyOf(whole, cut));
    }
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void shouldScoreZeroAndKeepGoingWhenAValueIsNotFinite(String name) {
    StreamingDetector d = Detectors.create(name, DetectorConfig.defaults());
    Series.run(d, Series.daily(400, 0.3, 3));
    assertThat(d.update(Series.START, Double.NaN)).isZero();
    assertThat(d.update(Series.START, Double.POSITIVE_INFINITY)).isZero();
    assertThat(d.update(Series.START + 401 * Series.HOUR, 10.0)).isFinite();
  }

  @Test
  void shouldRefuseWhenTheNameIsUnknown() {
    assertThatThrownBy(() -> Detectors.create("htm", DetectorConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown detector 'htm'");
  }
}
