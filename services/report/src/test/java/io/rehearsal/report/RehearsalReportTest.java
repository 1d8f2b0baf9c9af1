package io.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalReportTest {

  @Test
  void shouldPutDoNothingAtItsRankWhenRankingTheArms() {
    List<RankedArm> ranking = SampleReports.rehearsal().ranking();

    assertThat(ranking)
        .extracting(RankedArm::name)
        .containsExactly(
            "rollback api",
            "scale api to 6",
            SampleReports.PLAIN_NAME,
            EvaluationPlan.DO_NOTHING,
            "scale api to 1");
    assertThat(ranking.get(3).doNothing()).isTrue();
    assertThat(ranking.get(3).replications()).isEqualTo(20);
    assertThat(ranking.get(1).declaredCost()).isEqualTo(2.0);
    assertThat(ranking.get(0).declaredCost()).isZero();
  }

  @Test
  void shouldRehearseUnderTheBestHypothesisWhenSeveralWereFitted() {
    RehearsalReport report = SampleReports.rehearsal();

    assertThat(report.rehearsedFault()).isEqualTo(report.hypotheses().get(0));
    assertThat(report.precisionReached()).isTrue();
  }

  @Test
  void shouldRefuseAReportWhenNoHypothesisWasFitted() {
    RehearsalReport r = SampleReports.rehearsal();

    assertThatThrownBy(
            () ->
                new RehearsalReport(
                    r.twin(),
                    r.incident(),
                    r.fittedEndpoints(),
                    List.of(),
                    r.timeline(),
                    r.plan(),
                    r.result(),
                    r.series(),
                    r.candidates()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hypotheses must list at least one");
  }

  @Test
  void shouldListDoNothingThenTheBestCandidatesByRankWhenAskedForPredictions() {
    RehearsalReport report = SampleReports.rehearsal();

    assertThat(report.predicted()).isSameAs(report.result().series());
    assertThat(report.predictions(2))
        .extracting(io.rehearsal.rehearse.evaluation.ArmPrediction::arm)
        .containsExactly("do nothing", "rollback api", "scale api to 6");
    assertThat(report.predictions(10)).hasSize(5);
    assertThat(report.predictions(10).get(4).arm()).isEqualTo("scale api to 1"); // ranked last
  }
}
