package io.rehearsal.sandbox.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.PredictedSeries;
import io.rehearsal.rehearse.evaluation.ArmPrediction;
import io.rehearsal.rehearse.evaluation.BucketBand;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictedSeriesMapperTest {
  private static final Timestamp FORK = Timestamp.newBuilder().setSeconds(1_800_000_000).build();

  @Test
  void shouldGiveMillisecondsAndOffsetsFromTheForkWhenMapped() {
    BucketBand p99 = new BucketBand(List.of(0.1, 0.2), List.of(0.15, 0.25), List.of(0.2, 0.3));
    BucketBand errors =
        new BucketBand(List.of(0.0, 0.01), List.of(0.0, 0.02), List.of(0.0, Double.NaN));
    io.rehearsal.rehearse.evaluation.PredictedSeries s =
        new io.rehearsal.rehearse.evaluation.PredictedSeries(
            0,
            10,
            List.of(
                new ArmPrediction(EvaluationPlan.DO_NOTHING, Double.NaN, 8, p99, errors),
                new ArmPrediction("rollback", 42.5, 4, p99, errors)));

    PredictedSeries proto = PredictedSeriesMapper.toProto(s, FORK, 20);

    assertThat(proto.getForkTime()).isEqualTo(FORK);
    assertThat(proto.getBucketWidth().getSeconds()).isEqualTo(10);
    assertThat(proto.getDecisionOffset().getSeconds()).isEqualTo(20);
    assertThat(proto.getArms(0).getCandidateId()).isEmpty();
    assertThat(proto.getArms(0).hasEffectiveOffset()).isFalse();
    assertThat(proto.getArms(0).getReplications()).isEqualTo(8);
    assertThat(proto.getArms(1).getCandidateId()).isEqualTo("rollback");
    assertThat(proto.getArms(1).getEffectiveOffset().getSeconds()).isEqualTo(42);
    assertThat(proto.getArms(1).getEffectiveOffset().getNanos()).isEqualTo(500_000_000);
    assertThat(proto.getArms(1).getP99LatencyMs().getP50List()).containsExactly(150.0, 250.0);
    assertThat(proto.getArms(1).getP99LatencyMs().getP90List()).containsExactly(200.0, 300.0);
    assertThat(proto.getArms(1).getErrorRate().getP50List()).containsExactly(0.0, 0.02);
    assertThat(proto.getArms(1).getErrorRate().getP90(1)).isNaN();
  }
}
