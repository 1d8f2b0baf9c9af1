package io.rehearsal.sandbox.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.rehearse.evaluation.ArmOutcome;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import io.rehearsal.rehearse.evaluation.OutcomeStatistics;
import io.rehearsal.rehearse.evaluation.Score;
import io.rehearsal.rehearse.evaluation.ScoreComponent;
import io.rehearsal.sandbox.testing.ReferenceShop;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceMapperTest {

  private static final TwinFidelity FRESH =
      TwinFidelity.newBuilder().setLatencyP99Mape(0.05).build();

  @Test
  void shouldHashTheEvidenceWithoutItsHashWhenMapping() {
    Evidence e =
        EvidenceMapper.evidence(
            evidence(), ReferenceShop.rollback("rb", "catalog"), "ev-1", "ab".repeat(32), FRESH);

    assertThat(e.getEvidenceHash()).hasSize(64).isEqualTo(EvidenceMapper.hash(e));
    assertThat(EvidenceMapper.hash(e.toBuilder().setRank(2).build()))
        .isNotEqualTo(e.getEvidenceHash());
  }

  @Test
  void shouldCarryTheFidelityOutsideTheHashWhenMapping() {
    TwinFidelity stale = TwinFidelity.newBuilder().setLatencyP99Mape(0.9).setStale(true).build();

    Evidence e =
        EvidenceMapper.evidence(
            evidence(), ReferenceShop.rollback("rb", "catalog"), "ev-1", "ab".repeat(32), stale);
    Evidence other =
        EvidenceMapper.evidence(
            evidence(), ReferenceShop.rollback("rb", "catalog"), "ev-1", "ab".repeat(32), FRESH);

    assertThat(e.getTwinFidelity()).isEqualTo(stale);
    assertThat(other.getTwinFidelity()).isEqualTo(FRESH);
    assertThat(e.getEvidenceHash())
        .isEqualTo(other.getEvidenceHash())
        .isEqualTo(EvidenceMapper.hash(e));
  }

  @Test
  void shouldConvertLatencyToMillisecondsAndListFlagsInEnumOrderWhenMapping() {
    Evidence e =
        EvidenceMapper.evidence(
            evidence(), ReferenceShop.rollback("rb", "catalog"), "ev-1", "ab".repeat(32), FRESH);

    assertThat(e.getOutcome().getP99LatencyMs().getMean()).isEqualTo(250.0);
    assertThat(e.getVsDoNothing().getP99LatencyMs().getCi().getLower()).isEqualTo(-300.0);
    assertThat(e.getVsDoNothing().getUtility().getProbabilityOfImprovement()).isEqualTo(0.75);
    assertThat(e.getFlagsList())
        .extracting(Enum::name)
        .containsExactly("EVIDENCE_FLAG_NO_EFFECT", "EVIDENCE_FLAG_HIGHER_COST");
    assertThat(e.getScore().getComponentsList())
        .extracting(c -> c.getName())
        .containsExactly("slo_attainment");
  }

  private static CandidateEvidence evidence() {
    List<OutcomeStatistics> stats = new ArrayList<>();
    List<MetricDifference> diffs = new ArrayList<>();
    for (Metric m : Metric.values()) {
      stats.add(new OutcomeStatistics(0.25, 0.01, 8, 0.2, 0.21, 0.25, 0.29, 0.3, 0.3));
      diffs.add(new MetricDifference(m, -0.1, 0.05, -0.3, 0.1, 0.9, 0.75));
    }
    Score score = new Score(0.9, List.of(new ScoreComponent("slo_attainment", 0.9, 1, 0.9, "x")));
    return new CandidateEvidence(
        "rb",
        new ArmOutcome(stats),
        diffs,
        8,
        false,
        1,
        score,
        EnumSet.of(EvidenceFlag.HIGHER_COST, EvidenceFlag.NO_EFFECT),
        0.5);
  }
}
