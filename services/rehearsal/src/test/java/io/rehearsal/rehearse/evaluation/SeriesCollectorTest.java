package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.run.EndpointResult.BucketResult;
import io.rehearsal.twin.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCollectorTest {
  private static final EvaluationPlan PLAN = Plans.plan(42);
  private static final SeriesCollector COLLECTOR = new SeriesCollector(PLAN);
  private static final EvaluationResult RESULT = Evaluator.evaluate(PLAN, 2, COLLECTOR);

  @Test
  void shouldLeaveTheResultBitForBitUnchangedWhenCollecting() {
    assertThat(RESULT).isEqualTo(Evaluator.evaluate(Plans.plan(42), 1));
  }

  @Test
  void shouldAverageOverExactlyTheReplicationsOfEachArmWhenTheEvaluationEnds() {
    List<ArmSeries> series = COLLECTOR.series();

    assertThat(series).hasSize(PLAN.arms());
    assertThat(series.get(0).arm()).isEqualTo(EvaluationPlan.DO_NOTHING);
    assertThat(series.get(0).replications()).isEqualTo(RESULT.baselineReplications());
    for (CandidateEvidence e : RESULT.candidates()) {
      ArmSeries s = series.get(PLAN.candidates().indexOf(candidate(e.candidate())) + 1);
      assertThat(s.arm()).isEqualTo(e.candidate());
      assertThat(s.replications()).isEqualTo(e.replications());
      assertThat(s.buckets()).hasSize(PLAN.config().buckets());
      assertThat(s.bucket()).isEqualTo(PLAN.config().bucket());
    }
  }

  @Test
  void shouldEqualTheMeanOfTheEngineRunsWhenRecomputedBucketByBucket() {
    int arm = 2; // rollback
    ArmSeries series = COLLECTOR.series(arm);
    List<RunResult> runs = new ArrayList<>();
    Engine engine = new Engine(PLAN.spec());
    for (int r = 0; r < series.replications(); r++) {
      runs.add(engine.run(PLAN.scenario(arm), PLAN.config(), PLAN.seed(), r));
    }
    for (int b = 0; b < series.buckets().size(); b++) {
      double p99 = 0;
      double errors = 0;
      for (RunResult run : runs) {
        BucketResult bucket = run.endpoint("api/GET /").buckets().get(b);
        p99 += bucket.p99();
        errors += (double) (bucket.failed() + bucket.rejected()) / bucket.total();
      }
      BucketMean mean = series.buckets().get(b);
      assertThat(mean.start()).isEqualTo(b * PLAN.config().bucket());
      assertThat(mean.p99()).isEqualTo(p99 / runs.size());
      assertThat(mean.errorRate()).isEqualTo(errors / runs.size());
    }
  }

  @Test
  void shouldShowTheFaultAndTheFixWhenComparingArmsOverTime() {
    List<BucketMean> doNothing = COLLECTOR.series(0).buckets();
    List<BucketMean> rollback = COLLECTOR.series(2).buckets();
    int beforeFault = 3; // [30, 40) s: the fault starts at 60 s
    int late = doNothing.size() - 1; // [230, 240) s: rolled back at 90 s
    assertThat(doNothing.get(late).p99()).isGreaterThan(2 * doNothing.get(beforeFault).p99());
    assertThat(rollback.get(late).p99()).isLessThan(doNothing.get(late).p99() / 2);
    assertThat(rollback.get(beforeFault)).isEqualTo(doNothing.get(beforeFault));
  }

  @Test
  void shouldGiveIdenticalSeriesWhateverTheThreadsWhenRunAgain() {
    SeriesCollector again = new SeriesCollector(PLAN);
    Evaluator.evaluate(Plans.plan(42), 3, again);
    assertThat(again.series()).isEqualTo(COLLECTOR.series());
  }

  @Test
  void shouldRefuseAnArmWhenNothingOfItWasRun() {
    assertThatThrownBy(() -> new SeriesCollector(PLAN).series(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scale to 6");
  }

  private static Candidate candidate(String name) {
    return PLAN.candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
