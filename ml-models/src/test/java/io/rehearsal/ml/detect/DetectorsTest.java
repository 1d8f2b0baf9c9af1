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
  void shouldScoreASpikeAtLeastHalfWhenStreamingCadOseSeesItsNewLevel() {
    double[] values = Series.daily(900, 0.3, 11);
    values[800] += 15;
    StreamingDetector cad = Detectors.create("contextOSE", DetectorConfig.defaults());
    double[] scores = Series.run(cad, values);
    assertThat(scores[800]).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void shouldMatchStreamingCadOseOnlyWhenTheRangeIsUnused() {
    double[] values = Series.daily(900, 0.3, 5);
    values[700] -= 9;
    DetectorConfig config = DetectorConfig.defaults();
    SeriesRange range = SeriesRange.of(values);
    assertThat(Series.run(Detectors.create("seasonal", config, range), values))
        .containsExactly(Series.run(Detectors.create("seasonal", config), values));
    assertThat(Series.run(Detectors.create("contextOSE", config, range), values))
        .isNotEqualTo(Series.run(Detectors.create("contextOSE", config), values));
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
