package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KimNelsonTest {
  private static final ReplicationPolicy POLICY = new ReplicationPolicy(10, 100, 5, 0.95, 0.1);

  @Test
  void shouldComputeTheConstantOfThePaperWhenTwoArmsAreCompared() {
    // eta = ((2 * 0.05 / 1)^(-2/9) - 1) / 2 = (10^(2/9) - 1) / 2; h2 = 2 * eta * 9.
    double eta = (Math.pow(10, 2.0 / 9) - 1) / 2;
    assertThat(new KimNelson(2, POLICY).h2()).isEqualTo(18 * eta, within(1e-12));
  }

  @Test
  void shouldShrinkTheContinuationRegionToZeroWhenEnoughReplicationsAreIn() {
    KimNelson kn = new KimNelson(2, POLICY);
    double s2 = 1;
    int decided = kn.decidedAfter(s2);
    assertThat(kn.halfWidth(s2, 10)).isGreaterThan(kn.halfWidth(s2, 11));
    assertThat(kn.halfWidth(s2, decided + 1)).isZero();
  }

  @Test
  void shouldEliminateOnlyTheArmBelowTheRegionWhenComparingMeans() {
    KimNelson kn = new KimNelson(3, POLICY);
    double[][] s2 = {{0, 0.1, 0.1}, {0.1, 0, 0.1}, {0.1, 0.1, 0}};
    double w = kn.halfWidth(0.1, 10);
    boolean[] alive =
        kn.survivors(
            new boolean[] {true, true, true}, new double[] {1, 1 - w / 2, 1 - 2 * w}, s2, 10);
    assertThat(alive).containsExactly(true, true, false);
  }
}
