package io.rehearsal.sandbox.mapping;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.ArmPrediction;
import io.rehearsal.proto.v1.BucketPercentiles;
import io.rehearsal.proto.v1.PredictedSeries;
import io.rehearsal.rehearse.evaluation.BucketBand;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import java.util.List;

/**
 * The twin's {@link io.rehearsal.rehearse.evaluation.PredictedSeries} to the contract's {@link
 * PredictedSeries}: offsets from the fork (the sandbox's measured window starts at the fork, the
 * incident's onset), p99 latency from seconds to milliseconds, "do nothing" with an empty candidate
 * id.
 */
public final class PredictedSeriesMapper {

  private static final double MS = 1000;

  private PredictedSeriesMapper() {}

  /**
   * The contract's series, forked at {@code forkTime} with candidates decided {@code
   * decisionSeconds} after it.
   */
  public static PredictedSeries toProto(
      io.rehearsal.rehearse.evaluation.PredictedSeries s,
      Timestamp forkTime,
      double decisionSeconds) {
    PredictedSeries.Builder b =
        PredictedSeries.newBuilder()
            .setForkTime(forkTime)
            .setBucketWidth(Durations.duration(s.width()))
            .setStartOffset(Durations.duration(s.start()))
            .setDecisionOffset(Durations.duration(decisionSeconds));
    for (io.rehearsal.rehearse.evaluation.ArmPrediction a : s.arms()) {
      b.addArms(arm(a));
    }
    return b.build();
  }

  private static ArmPrediction arm(io.rehearsal.rehearse.evaluation.ArmPrediction a) {
    ArmPrediction.Builder b =
        ArmPrediction.newBuilder()
            .setCandidateId(a.arm().equals(EvaluationPlan.DO_NOTHING) ? "" : a.arm())
            .setReplications(a.replications())
            .setP99LatencyMs(percentiles(a.p99(), MS))
            .setErrorRate(percentiles(a.errorRate(), 1));
    if (!Double.isNaN(a.effectiveAt())) {
      b.setEffectiveOffset(Durations.duration(Math.max(0, a.effectiveAt())));
    }
    return b.build();
  }

  private static BucketPercentiles percentiles(BucketBand band, double k) {
    return BucketPercentiles.newBuilder()
        .addAllP10(scaled(band.p10(), k))
        .addAllP50(scaled(band.p50(), k))
        .addAllP90(scaled(band.p90(), k))
        .build();
  }

  private static List<Double> scaled(List<Double> values, double k) {
    return values.stream().map(v -> v * k).toList();
  }
}
