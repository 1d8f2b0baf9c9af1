package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnomalyLikelihoodTest {

  private static final DetectorConfig.Likelihood CONFIG =
      new DetectorConfig.Likelihood(500, 5, 50, 1e-4);

  @Test
  void shouldMatchTheGaussianTailWhenGivenKnownPoints() {
    assertThat(AnomalyLikelihood.upperTail(0)).isCloseTo(0.5, within(1e-7));
    assertThat(AnomalyLikelihood.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
    assertThat(AnomalyLikelihood.upperTail(-3)).isCloseTo(0.99865, within(1e-5));
    assertThat(AnomalyLikelihood.logScale(1e-5)).isCloseTo(0.5, within(1e-4));
  }

  @Test
  void shouldStayLowOnOrdinaryScoresAndRiseOnASustainedJumpWhenCalibrated() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(CONFIG);
    SplittableRandom random = new SplittableRandom(5);
    double ordinary = 0;
    for (int i = 0; i < 400; i++) {
      ordinary = Math.max(ordinary, i > 100 ? likelihood.update(random.nextDouble()) : 0);
      if (i <= 100) {
        likelihood.update(random.nextDouble());
      }
    }
    double jump = 0;
    for (int i = 0; i < 5; i++) {
      jump = likelihood.update(5 + random.nextDouble());
    }
    assertThat(ordinary).isLessThan(0.3);
    assertThat(jump).isGreaterThan(0.9);
  }

  @Test
  void shouldReturnZeroWhenStillLearning() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(CONFIG);
    for (int i = 0; i < 50; i++) {
      assertThat(likelihood.update(i % 2 == 0 ? 100 : 0)).isZero();
    }
  }
}
