package io.rehearsal.ml.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScoreTest {

  @Test
  void shouldMatchFirstOpeningInWindowAndCountTheRestFalseWhenScoring() {
    List<DetectionScore.Label> labels = List.of(new DetectionScore.Label(10_000, 35_000));
    DetectionScore score = DetectionScore.of(labels, List.of(5_000L, 14_000L, 20_000L), 30_000);
    assertThat(score.detected()).isEqualTo(1);
    assertThat(score.missed()).isZero();
    assertThat(score.falseIncidents()).isEqualTo(2);
    assertThat(score.delaysSeconds()).containsExactly(4.0);
  }

  @Test
  void shouldCountMissedWhenNothingOpensInTheWindow() {
    List<DetectionScore.Label> labels = List.of(new DetectionScore.Label(10_000, 35_000));
    DetectionScore score = DetectionScore.of(labels, List.of(70_000L), 30_000);
    assertThat(score.missed()).isEqualTo(1);
    assertThat(score.falseIncidents()).isEqualTo(1);
    assertThat(score.medianDelaySeconds()).isNaN();
  }

  @Test
  void shouldTakeTheMiddleDelaysWhenSummingScores() {
    DetectionScore a = new DetectionScore(2, 0, 0, List.of(1.0, 9.0));
    DetectionScore b = new DetectionScore(2, 1, 1, List.of(3.0, 5.0));
    DetectionScore sum = a.plus(b);
    assertThat(sum.detected()).isEqualTo(4);
    assertThat(sum.missed()).isEqualTo(1);
    assertThat(sum.falseIncidents()).isEqualTo(1);
    assertThat(sum.medianDelaySeconds()).isEqualTo(4.0);
  }
}
