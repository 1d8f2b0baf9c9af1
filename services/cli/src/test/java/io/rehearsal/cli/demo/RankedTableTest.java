package io.rehearsal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.Outcome;
import io.rehearsal.proto.v1.OutcomeStatistics;
import io.rehearsal.proto.v1.Remediation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's ranking table shows each arm's p99 as the mean over its runs — the number the
 * recommendation's sentence under it uses — not the median, which differs when a few runs saturate
 * (a demo run printed "do nothing: p99 993 ms" above "p99 1863 → 292 ms").
 */
class RankedTableTest {

  @Test
  void shouldShowTheMeanP99OfEachArmInRankOrderAsTheSentenceDoes() {
    Evaluation evaluation =
        Evaluation.newBuilder()
            .setBaseline(p99(1863, 993))
            .addEvidence(evidence("shed-30", "shed 30% of frontend", 2, 541, 530, true))
            .addEvidence(evidence("restart-catalog", "restart catalog", 1, 292, 252, false))
            .setRecommendation(
                "no candidate restores SLO frontend/GET /browse; best mitigation: restart-catalog"
                    + " (p99 1863 → 292 ms, errors 1.71 % → 0.00 %, cost +0 replica-s)")
            .build();

    List<String> lines = RankedTable.render(evaluation);

    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).contains("restart catalog").contains(" 292 ").doesNotContain(" 252 ");
    assertThat(lines.get(2)).contains("shed 30%").contains(" 541 ").endsWith("(eliminated early)");
    assertThat(lines.get(3))
        .startsWith("  do nothing: p99 1863 ms (p99 columns: mean of runs)")
        .contains("p99 1863 → 292 ms")
        .doesNotContain("993");
  }

  private static Outcome p99(double meanMs, double medianMs) {
    return Outcome.newBuilder()
        .setP99LatencyMs(
            OutcomeStatistics.newBuilder().setMean(meanMs).setP50(medianMs).setCount(30))
        .build();
  }

  private static Evidence evidence(
      String id, String summary, int rank, double meanMs, double medianMs, boolean early) {
    return Evidence.newBuilder()
        .setCandidate(Remediation.newBuilder().setId(id).setSummary(summary))
        .setRank(rank)
        .setOutcome(p99(meanMs, medianMs))
        .setReplications(early ? 10 : 30)
        .setEliminatedEarly(early)
        .build();
  }
}
