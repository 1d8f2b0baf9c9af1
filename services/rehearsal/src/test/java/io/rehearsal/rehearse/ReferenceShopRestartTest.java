package io.rehearsal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.BucketBand;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's incident on the reference shop's calibrated twin (catalog GET /items: 10 ms median
 * self time, 2 replicas x 3 workers, about 7 % busy): the fit's latency hypothesis on catalog (self
 * time x8) from the onset, rehearsed as the sandbox does (warm-up 30 s, horizon 120 s, buckets of
 * 10 s) with the candidates the remediation catalog proposes for a slow service: a restart at the
 * decision and a rollback 5 s after it. Restarted and rolled-back replicas are immune to the
 * latency fault, so both bring the worst entry p99 back near the fault-free twin's, while "do
 * nothing" stays slow to the end of the horizon.
 */
class ReferenceShopRestartTest {
  private static final Timeline TIMELINE = Timeline.fromOnset(30, 15, 120, 10);
  private static final FaultHypothesis SLOW_CATALOG =
      new FaultHypothesis(FaultKind.LATENCY, "catalog", 8.0, 0.1, 0.9, 0);
  private static final Rehearsal.Settings SETTINGS =
      new Rehearsal.Settings(11, Objectives.DEFAULT, new ReplicationPolicy(6, 6, 1, 0.95, 0.01), 3);
  private static final TwinSpec TWIN = twin();
  private static final EvaluationResult FAULTED = evaluate(List.of(SLOW_CATALOG));
  private static final BucketBand HEALTHY =
      evaluate(List.of()).series().arm(EvaluationPlan.DO_NOTHING).p99();

  @Test
  void shouldRankRestartAndRollbackAboveDoingNothingWhenCatalogIsSlow() {
    assertThat(FAULTED.doNothingRank()).isEqualTo(3);
    assertThat(FAULTED.ranking()).containsExactlyInAnyOrder("restart catalog", "rollback catalog");
    for (String c : FAULTED.ranking()) {
      assertThat(FAULTED.candidate(c).difference(Metric.UTILITY).ciLow()).as(c).isPositive();
    }
  }

  @Test
  void shouldKeepTheEntryP99SlowToTheEndWhenNothingIsDone() {
    BucketBand nothing = FAULTED.series().arm(EvaluationPlan.DO_NOTHING).p99();
    for (int b = 1; b < nothing.size(); b++) {
      assertThat(nothing.p10().get(b)).as("bucket %d", b).isGreaterThan(5 * HEALTHY.p90().get(b));
    }
  }

  @Test
  void shouldBringTheEntryP99BackNearHealthyWhenTheRestartHasActed() {
    assertRecovers("restart catalog");
  }

  @Test
  void shouldBringTheEntryP99BackNearHealthyWhenTheRollbackHasActed() {
    assertRecovers("rollback catalog");
  }

  /** From the second bucket after the candidate acts, its band sits within 1.5x healthy's. */
  private static void assertRecovers(String candidate) {
    BucketBand band = FAULTED.series().arm(candidate).p99();
    int acted = (int) (FAULTED.series().arm(candidate).effectiveAt() / FAULTED.series().width());
    assertThat(acted).isBetween(1, 2);
    for (int b = acted + 2; b < band.size(); b++) {
      assertThat(band.p90().get(b)).as("bucket %d", b).isLessThan(1.5 * HEALTHY.p90().get(b));
    }
  }

  private static EvaluationResult evaluate(List<FaultHypothesis> fitted) {
    double decision = TIMELINE.decision();
    List<Candidate> candidates =
        List.of(
            candidate("restart catalog", catalog(RemediationKind.RESTART, decision, 0)),
            candidate("rollback catalog", catalog(RemediationKind.ROLLBACK, decision, 5)));
    return Evaluator.evaluate(
        Rehearsal.plan("slow catalog", TWIN, fitted, candidates, TIMELINE, SETTINGS), 2);
  }

  private static Remediation catalog(RemediationKind kind, double at, double delay) {
    return new Remediation(kind, at, delay, "catalog", null, null, null, null, null, null);
  }

  private static Candidate candidate(String name, Remediation r) {
    return new Candidate(name, List.of(r), 0.5);
  }

  private static TwinSpec twin() {
    try (InputStream in =
        ReferenceShopRestartTest.class.getResourceAsStream("/reference-shop/twin.yaml")) {
      return TwinSpecs.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
