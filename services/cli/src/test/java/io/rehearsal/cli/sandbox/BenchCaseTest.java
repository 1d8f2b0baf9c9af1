package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.twin.bench.SpecScaling;
import io.rehearsal.twin.bench.TwinBench;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.TwinSpec;
import org.junit.jupiter.api.Test;

class BenchCaseTest {
  private static final TwinSpec SHOP = TwinBench.referenceShop();
  private static final CandidateSet SET =
      CandidateSet.fromYaml(
          """
          candidates:
            - name: scale payment to 6
              remediations: [{kind: SCALE, target: payment, value: 6}]
            - name: rate-limit checkout
              remediations: [{kind: RATE_LIMIT, at: 10, target: checkout, value: 4}]
            - name: restart payment
              remediations: [{kind: RESTART, target: payment}]
          """);
  private static final BenchCase CASE =
      BenchCase.of(SHOP, BenchInputs.shopIncident(), SET, 1000, 60, 30, 300);

  @Test
  void shouldScaleTheTwinToTheRateWhenBuilt() {
    assertThat(SpecScaling.meanRequestRate(CASE.spec()))
        .isCloseTo(1000, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(CASE.factor()).isEqualTo(1000 / SpecScaling.meanRequestRate(SHOP));
  }

  @Test
  void shouldMoveTheFaultAfterTheWarmupAndMeasureTheHorizonAfterTheDecision() {
    assertThat(CASE.incident().faults().get(0).at()).isEqualTo(60.0);
    assertThat(CASE.incident().faults().get(0).duration())
        .isEqualTo(BenchInputs.shopIncident().faults().get(0).duration());
    assertThat(CASE.decision()).isEqualTo(90.0);
    assertThat(CASE.config().warmup()).isEqualTo(90.0);
    assertThat(CASE.config().duration()).isEqualTo(390.0);
  }

  @Test
  void shouldScaleReplicaCountsAndRatesButNothingElseWhenCandidatesAreScaled() {
    Remediation scale = remediation(CASE.candidates().get(0));
    Remediation limit = remediation(CASE.candidates().get(1));
    Remediation restart = remediation(CASE.candidates().get(2));
    assertThat(scale.value()).isEqualTo(Math.ceil(6 * CASE.factor()));
    assertThat(scale.at()).isEqualTo(90.0);
    assertThat(limit.value()).isEqualTo(4 * CASE.factor());
    assertThat(limit.at()).isEqualTo(100.0);
    assertThat(restart.kind()).isEqualTo(RemediationKind.RESTART);
    assertThat(restart.value()).isNull();
  }

  @Test
  void shouldBuildEqualPlansWhenAskedTwice() {
    var policy = new io.rehearsal.rehearse.evaluation.ReplicationPolicy(3, 6, 3, 0.95, 0.01);
    assertThat(CASE.plan(7, policy)).isEqualTo(CASE.plan(7, policy));
  }

  private static Remediation remediation(Candidate c) {
    return c.remediations().get(0);
  }
}
