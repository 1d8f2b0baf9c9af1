package io.rehearsal.ml.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NabScorerTest {

  private static final Optional<Path> NAB = NabData.root();

  @Test
  void shouldReproduceNumentaReferenceScoresWhenScoringItsResultFiles() {
    assumeTrue(NAB.isPresent(), "shared NAB data not found");
    NabScorer scorer = scorer("numenta");
    assertThat(scorer.score(CostProfile.STANDARD).normalized()).isCloseTo(73.56, within(0.1));
    assertThat(scorer.score(CostProfile.REWARD_LOW_FP_RATE).normalized())
        .isCloseTo(68.36, within(0.1));
    assertThat(scorer.score(CostProfile.REWARD_LOW_FN_RATE).normalized())
        .isCloseTo(77.04, within(0.1));
    assertThat(scorer.score(CostProfile.STANDARD).threshold()).isCloseTo(0.54445, within(1e-5));
  }

  @Test
  void shouldReproduceWindowedGaussianReferenceScoresWhenScoringItsResultFiles() {
    assumeTrue(NAB.isPresent(), "shared NAB data not found");
    NabScorer scorer = scorer("windowedGaussian");
    NabScore standard = scorer.score(CostProfile.STANDARD);
    assertThat(standard.normalized()).isCloseTo(35.02, within(0.1));
    assertThat(standard.raw()).isCloseTo(-14.976, within(0.01));
    assertThat(standard.categories().get("realAdExchange").detectedWindows()).isEqualTo(9);
    assertThat(scorer.score(CostProfile.REWARD_LOW_FP_RATE).normalized())
        .isCloseTo(16.66, within(0.1));
    assertThat(scorer.score(CostProfile.REWARD_LOW_FN_RATE).normalized())
        .isCloseTo(43.35, within(0.1));
  }

  @Test
  void shouldScoreHundredWhenDetectingOnlyTheFirstRowOfEachWindow() throws IOException {
    NabSeries series = series(20, 10, 12);
    NabScore score = NabScorer.of(List.of(series), labels()).score(CostProfile.STANDARD);
    assertThat(score.normalized()).isCloseTo(100.0, within(1e-9));
    assertThat(score.threshold()).isEqualTo(1.0);
  }

  @Test
  void shouldChargeMissAndFalsePositiveWhenOnlyARowBeforeTheWindowDetects() throws IOException {
    NabSeries series = series(20, 5, 6);
    NabScore score = NabScorer.of(List.of(series), labels()).scoreAt(CostProfile.STANDARD, 1.0);
    assertThat(score.raw()).isCloseTo(-1.11, within(1e-12));
    assertThat(score.detectedWindows()).isZero();
    assertThat(score.falsePositiveRows()).isEqualTo(1);
  }

  @Test
  void shouldNeverFireWhenNoThresholdBeatsTheNullDetector() throws IOException {
    NabSeries series = series(20, 3, 10).withScores(new double[20]);
    NabScore score = NabScorer.of(List.of(series), labels()).score(CostProfile.REWARD_LOW_FP_RATE);
    assertThat(score.threshold()).isEqualTo(NabScorer.NEVER);
    assertThat(score.normalized()).isZero();
  }

  @Test
  void shouldWeighALateDetectionLessWhenItFallsAtTheWindowEnd() throws IOException {
    NabScore early =
        NabScorer.of(List.of(series(20, 10, 11)), labels()).scoreAt(CostProfile.STANDARD, 1.0);
    NabScore late =
        NabScorer.of(List.of(series(20, 12, 13)), labels()).scoreAt(CostProfile.STANDARD, 1.0);
    assertThat(early.raw()).isGreaterThan(late.raw()).isLessThanOrEqualTo(1.0);
    assertThat(late.raw()).isPositive();
  }

  @Test
  void shouldRefuseResultFileWhenLabelsDoNotCoverIt() throws IOException {
    NabSeries other = series(20, 10, 11).renamed("cat/other.csv");
    assertThatThrownBy(() -> NabScorer.of(List.of(other), labels()))
        .isInstanceOf(NabFormatException.class)
        .hasMessageContaining("cat/other.csv");
  }

  private static NabScorer scorer(String detector) {
    Path root = NAB.orElseThrow();
    return NabScorer.of(
        NabFiles.readResults(root.resolve("reference-results").resolve(detector)),
        NabFiles.readLabels(root.resolve("labels/combined_windows.json")));
  }

  /** 20 hourly rows (3 probationary), one window on rows 10–12, score 1 on rows [from, to). */
  private static NabSeries series(int rows, int from, int to) throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,value,anomaly_score\n");
    for (int i = 0; i < rows; i++) {
      csv.append(String.format("2020-01-01 %02d:00:00,%d,%d%n", i, i, i >= from && i < to ? 1 : 0));
    }
    return NabCsv.read("cat/f.csv", new BufferedReader(new StringReader(csv.toString())), true);
  }

  private static NabLabels labels() {
    return NabLabels.parse(
        "test",
        "{\"cat/f.csv\": [[\"2020-01-01 10:00:00.000000\", \"2020-01-01 12:00:00.000000\"]]}");
  }
}
