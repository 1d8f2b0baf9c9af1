package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The predicted series of {@link Plans}' incident: the self time triples 30 s into the measured
 * window (t = 60 s, window from t = 30 s), candidates act 60 s into it (t = 90 s).
 */
class PredictionsTest {
  private static final EvaluationPlan PLAN = Plans.plan(42);
  private static final EvaluationResult RESULT = Evaluator.evaluate(PLAN, 2);
  private static final PredictedSeries SERIES = RESULT.series();
  private static final int BEFORE_FAULT = 1; // [10, 20) s
  private static final int FAULT_STARTS = 3; // [30, 40) s

  @Test
  void shouldGiveEveryArmOneBucketPerMeasuredIntervalWhenTheEvaluationEnds() {
    assertThat(SERIES.width()).isEqualTo(PLAN.config().bucket());
    assertThat(SERIES.start()).isZero();
    assertThat(SERIES.arms())
        .extracting(ArmPrediction::arm)
        .containsExactly(EvaluationPlan.DO_NOTHING, "scale to 6", "rollback", "scale to 1", "wait");
    int buckets = (int) (PLAN.config().measured() / PLAN.config().bucket());
    for (ArmPrediction a : SERIES.arms()) {
      assertThat(a.p99().size()).as(a.arm()).isEqualTo(buckets).isEqualTo(21);
      assertThat(a.errorRate().size()).as(a.arm()).isEqualTo(buckets);
    }
    assertThat(SERIES.arm(EvaluationPlan.DO_NOTHING).replications())
        .isEqualTo(RESULT.baselineReplications());
    assertThat(SERIES.arm("scale to 1").replications())
        .isEqualTo(RESULT.candidate("scale to 1").replications());
    assertThat(SERIES.arm("rollback").effectiveAt()).isEqualTo(60);
    assertThat(SERIES.arm(EvaluationPlan.DO_NOTHING).effectiveAt()).isNaN();
    assertThat(SERIES.arm("wait").effectiveAt()).isNaN();
  }

  @Test
  void shouldShowTheRollbackRecoveringAfterItActsWhileDoNothingStaysBad() {
    BucketBand nothing = SERIES.arm(EvaluationPlan.DO_NOTHING).p99();
    BucketBand rollback = SERIES.arm("rollback").p99();
    double healthy = nothing.p50().get(BEFORE_FAULT);
    int acts = (int) (SERIES.arm("rollback").effectiveAt() / SERIES.width()); // bucket 6
    int last = nothing.size() - 1;

    // before the rollback acts both arms share their random numbers and the fault: same values
    for (int b = 0; b < acts; b++) {
      assertThat(rollback.p50().get(b)).as("bucket %d", b).isEqualTo(nothing.p50().get(b));
    }
    // the fault shows: do nothing's whole band sits above its healthy median, to the end
    for (int b = FAULT_STARTS + 1; b <= last; b++) {
      assertThat(nothing.p10().get(b)).as("bucket %d", b).isGreaterThan(2 * healthy);
    }
    // within 30 s of acting the rollback's band is back near healthy and below do nothing's band
    for (int b = acts + 3; b <= last; b++) {
      assertThat(rollback.p90().get(b)).as("bucket %d", b).isLessThan(1.5 * healthy);
      assertThat(rollback.p90().get(b)).as("bucket %d", b).isLessThan(nothing.p10().get(b));
    }
  }

  @Test
  void shouldOrderTheBandWhenPercentilesAreTaken() {
    for (ArmPrediction a : SERIES.arms()) {
      for (BucketBand band : List.of(a.p99(), a.errorRate())) {
        for (int b = 0; b < band.size(); b++) {
          assertThat(band.p10().get(b)).isLessThanOrEqualTo(band.p50().get(b));
          assertThat(band.p50().get(b)).isLessThanOrEqualTo(band.p90().get(b));
        }
      }
      assertThat(a.errorRate().p90()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }
  }

  @Test
  void shouldGiveTheSameSeriesWhenTheSameSeedRunsOnOtherThreads() {
    assertThat(Evaluator.evaluate(Plans.plan(42), 1).series()).isEqualTo(SERIES);
    assertThat(Evaluator.evaluate(Plans.plan(43), 2).series()).isNotEqualTo(SERIES);
  }
}
