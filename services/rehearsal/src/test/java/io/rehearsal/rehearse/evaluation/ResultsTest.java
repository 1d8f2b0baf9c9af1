package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tie rule and the sentence, on hand-made replication outcomes of Plans' four candidates. */
class ResultsTest {
  private static final EvaluationPlan PLAN = Plans.plan(1);
  private static final int N = 10;

  /**
   * Outcomes whose graded attainment is {@code 0.5 + gain} plus a small common wiggle (so paired
   * differences have a little spread), with the SLO's good-event share {@code slo}.
   */
  private static ReplicationOutcome[] arm(double gain, double wiggle, double slo) {
    ReplicationOutcome[] out = new ReplicationOutcome[PLAN.policy().maxReplications()];
    for (int r = 0; r < N; r++) {
      double g = 0.5 + gain + (r % 2 == 0 ? wiggle : -wiggle);
      out[r] = new ReplicationOutcome(slo, g, 0.2, 0, 30, 0, true, List.of(slo));
    }
    return out;
  }

  private static EvaluationResult result(double sloOfBest) {
    ReplicationOutcome[][] outcomes = {
      arm(0, 0, 0.9), // do nothing
      arm(0.001, 0.01, 0.9), // scale to 6: a gain within the noise
      arm(0.05, 0.001, sloOfBest), // rollback: clearly better
      arm(-0.05, 0.001, 0.9), // scale to 1: worse
      arm(0, 0, 0.9) // wait: identical to do nothing
    };
    int[] replications = new int[outcomes.length];
    Arrays.fill(replications, N);
    boolean[] alive = new boolean[outcomes.length];
    Arrays.fill(alive, true);
    return new Results(PLAN, outcomes, replications, alive, false, 1).build();
  }

  @Test
  void shouldRankNoEffectCandidatesBelowDoNothingWhenTheirGainIsWithinTheNoise() {
    EvaluationResult r = result(0.995);
    assertThat(r.candidate("scale to 6").flags()).contains(EvidenceFlag.NO_EFFECT);
    assertThat(r.candidate("wait").flags()).contains(EvidenceFlag.NO_EFFECT);
    assertThat(r.candidate("scale to 1").flags()).contains(EvidenceFlag.WORSE_THAN_DO_NOTHING);
    assertThat(r.candidate("rollback").flags())
        .doesNotContain(EvidenceFlag.NO_EFFECT, EvidenceFlag.WORSE_THAN_DO_NOTHING);
    assertThat(r.ranking().get(0)).isEqualTo("rollback");
    assertThat(r.ranking().get(3)).isEqualTo("scale to 1");
    assertThat(r.doNothingRank()).isEqualTo(2);
    assertThat(r.best()).isEqualTo("rollback");
  }

  @Test
  void shouldSayTheBestRestoresEverySloWhenItsShareReachesTheTarget() {
    Recommendation rec = result(0.995).recommendation();
    assertThat(rec.kind()).isEqualTo(Recommendation.Kind.RESTORES);
    assertThat(rec.sentence()).isEqualTo("rollback restores every SLO (time to recover 30 s)");
  }

  @Test
  void shouldNameTheSloWhenTheBestOnlyMitigates() {
    Recommendation rec = result(0.95).recommendation();
    assertThat(rec.kind()).isEqualTo(Recommendation.Kind.BEST_MITIGATION);
    assertThat(rec.unmetSlos()).containsExactly("api/GET /");
    assertThat(rec.sentence())
        .startsWith("no candidate restores SLO api/GET /; best mitigation: rollback");
  }

  @Test
  void shouldRecommendDoingNothingWhenNoCandidateIsBetter() {
    ReplicationOutcome[][] outcomes = {
      arm(0, 0, 0.9), arm(0, 0, 0.9), arm(-0.05, 0.001, 0.9), arm(0.001, 0.01, 0.9), arm(0, 0, 0.9)
    };
    int[] replications = new int[outcomes.length];
    Arrays.fill(replications, N);
    boolean[] alive = new boolean[outcomes.length];
    Arrays.fill(alive, true);
    EvaluationResult r = new Results(PLAN, outcomes, replications, alive, false, 1).build();
    assertThat(r.doNothingRank()).isEqualTo(1);
    assertThat(r.best()).isNull();
    assertThat(r.recommendation().kind()).isEqualTo(Recommendation.Kind.DO_NOTHING);
  }
}
