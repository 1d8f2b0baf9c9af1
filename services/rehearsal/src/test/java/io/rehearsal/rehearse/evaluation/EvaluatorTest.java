package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final EvaluationPlan PLAN = Plans.plan(42);
  private static final EvaluationResult RESULT = Evaluator.evaluate(PLAN, 2);

  @Test
  void shouldRankTheFixFirstAndTheHarmfulCandidateBelowDoNothingWhenRehearsingAnOverload() {
    assertThat(RESULT.ranking().get(0)).as("%s", summary()).isEqualTo("rollback");
    assertThat(RESULT.best()).as("%s", summary()).isEqualTo("rollback");
    CandidateEvidence worse = RESULT.candidate("scale to 1");
    assertThat(worse.flags()).as("%s", summary()).contains(EvidenceFlag.WORSE_THAN_DO_NOTHING);
    assertThat(worse.rank())
        .as("%s", summary())
        .isEqualTo(4)
        .isGreaterThan(RESULT.doNothingRank() - 1);
    // Only the rollback is distinguishably better: scaling to 6 costs more than its graded SLO
    // gain, and "wait" replays "do nothing" (no effect), so "do nothing" ranks second.
    assertThat(RESULT.doNothingRank()).as("%s", summary()).isEqualTo(2);
    assertThat(RESULT.recommendation().candidate()).as("%s", summary()).isEqualTo("rollback");
  }

  @Test
  void shouldSpendFewerReplicationsOnClearlyWorseCandidatesWhenEliminating() {
    CandidateEvidence worse = RESULT.candidate("scale to 1");
    assertThat(worse.eliminatedEarly()).isTrue();
    assertThat(worse.replications()).isEqualTo(PLAN.policy().minReplications());
    assertThat(RESULT.totalReplications())
        .isLessThan(PLAN.arms() * PLAN.policy().maxReplications());
    assertThat(RESULT.baselineReplications())
        .isEqualTo(
            RESULT.candidates().stream()
                .mapToInt(CandidateEvidence::replications)
                .max()
                .orElseThrow());
  }

  @Test
  void shouldReportNoDifferenceAndTheDoNothingOutcomeWhenTheCandidateDoesNothing() {
    CandidateEvidence wait = RESULT.candidate("wait");
    // Common random numbers: an empty remediation replays "do nothing" exactly.
    assertThat(wait.difference(Metric.UTILITY).mean()).isZero();
    assertThat(wait.flags()).contains(EvidenceFlag.NO_EFFECT);
    // Do nothing wins the tie: a no-op ranks below it and is never the best.
    assertThat(wait.rank()).isGreaterThanOrEqualTo(RESULT.doNothingRank());
    assertThat(RESULT.best()).isNotEqualTo("wait");
    assertThat(wait.score().value()).isEqualTo(RESULT.baselineScore().value());
  }

  @Test
  void shouldFlagCostAndImproveSloWhenScalingUp() {
    CandidateEvidence scale = RESULT.candidate("scale to 6");
    assertThat(scale.flags()).contains(EvidenceFlag.HIGHER_COST);
    assertThat(scale.difference(Metric.SLO_ATTAINMENT).ciLow()).isGreaterThan(0);
    assertThat(scale.difference(Metric.P99_LATENCY).ciHigh()).isLessThan(0);
    assertThat(scale.difference(Metric.P99_LATENCY).fractionImproved()).isEqualTo(1.0);
  }

  @Test
  void shouldGiveTheSameResultWhenRunOnOneThreadOrAgain() {
    assertThat(Evaluator.evaluate(Plans.plan(42), 1)).isEqualTo(RESULT);
  }

  /** The ranking and every candidate's evidence, for assertion descriptions. */
  private static String summary() {
    StringBuilder out =
        new StringBuilder(
            "EVALUATION ranking "
                + RESULT.ranking()
                + ", do nothing at "
                + RESULT.doNothingRank()
                + ", "
                + RESULT.totalReplications()
                + " runs in "
                + RESULT.stages()
                + " stages (fixed N would be "
                + PLAN.arms() * 30
                + ")");
    for (CandidateEvidence c : RESULT.candidates()) {
      out.append("\nEVALUATION ")
          .append(c.candidate())
          .append(" rank ")
          .append(c.rank())
          .append(" n=")
          .append(c.replications())
          .append(" eliminated=")
          .append(c.eliminatedEarly())
          .append(" score=")
          .append(c.score().value())
          .append(" flags=")
          .append(c.flags())
          .append(' ')
          .append(c.difference(Metric.UTILITY));
    }
    return out.toString();
  }

  @Test
  void shouldGiveTheSameResultWhenRunOnTheCallersExecutor() {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      assertThat(Evaluator.evaluate(PLAN, pool, EvaluationListener.NONE)).isEqualTo(RESULT);
      assertThat(pool.isShutdown()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Evidence and outcomes are lists indexed by Metric.ordinal(): each slot must hold its metric.
   */
  @Test
  void shouldFindEveryMetricInItsOwnSlotWhenLookedUpByOrdinal() {
    for (CandidateEvidence c : RESULT.candidates()) {
      assertThat(c.vsDoNothing()).hasSize(Metric.values().length);
      for (Metric m : Metric.values()) {
        assertThat(c.difference(m).metric()).as("%s of %s", m, c.candidate()).isEqualTo(m);
      }
      assertThat(c.outcome().statistics()).hasSize(Metric.values().length);
    }
  }
}
