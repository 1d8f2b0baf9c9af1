package io.rehearsal.gateway.web;

import io.rehearsal.proto.v1.ArmPrediction;
import io.rehearsal.proto.v1.BucketPercentiles;
import io.rehearsal.proto.v1.PredictedSeries;
import java.time.Instant;

/**
 * A made-up {@link PredictedSeries} in the shape the sandbox stores: 10-s buckets over a 900-s
 * horizon from the onset, do nothing rising to 900 ms and 8 % errors over five minutes, and each
 * candidate leaving it when it acts (+150 s) towards its own level, after a lag and with a time
 * constant of its own; bands ±8 % around the median.
 */
final class PredictedFixture {

  static final int BUCKETS = 90;
  static final double WIDTH = 10;
  static final double DECISION = 120;
  static final double ACTS = 150;

  /** Seconds do nothing takes from healthy to its worst (the observed symptoms' ramp). */
  static final double RAMP = 300;

  /** Per candidate in rank order: seconds before it starts to help, then its time constant. */
  private static final double[][] RECOVERY = {{0, 10}, {60, 10}, {0, 20}};

  private PredictedFixture() {}

  static PredictedSeries series(Instant onset, double[] p99, double[] errors) {
    PredictedSeries.Builder s =
        PredictedSeries.newBuilder()
            .setForkTime(WebFixtures.ts(onset))
            .setBucketWidth(com.google.protobuf.Duration.newBuilder().setSeconds((long) WIDTH))
            .setStartOffset(com.google.protobuf.Duration.getDefaultInstance())
            .setDecisionOffset(
                com.google.protobuf.Duration.newBuilder().setSeconds((long) DECISION));
    s.addArms(
        ArmPrediction.newBuilder()
            .setReplications(40)
            .setP99LatencyMs(band(150, 900, Double.NaN, 0, 0))
            .setErrorRate(band(0.002, 0.08, Double.NaN, 0, 0)));
    for (int i = 0; i < WebFixtures.CANDIDATES.size(); i++) {
      s.addArms(
          ArmPrediction.newBuilder()
              .setCandidateId(WebFixtures.CANDIDATES.get(i).getId())
              .setEffectiveOffset(com.google.protobuf.Duration.newBuilder().setSeconds((long) ACTS))
              .setReplications(20)
              .setP99LatencyMs(band(150, 900, p99[i], RECOVERY[i][0], RECOVERY[i][1]))
              .setErrorRate(band(0.002, 0.08, errors[i], RECOVERY[i][0], RECOVERY[i][1])));
    }
    return s.build();
  }

  /** The median of bucket {@code b}: do nothing's, or the candidate's once it helps. */
  static double median(double healthy, double bad, double target, double lag, double tau, int b) {
    double end = (b + 1) * WIDTH;
    double nothing = healthy + (bad - healthy) * Math.min(1, end / RAMP);
    double helping = end - ACTS - lag;
    if (Double.isNaN(target) || helping <= 0) {
      return nothing;
    }
    return target + (nothing - target) * Math.exp(-helping / tau);
  }

  private static BucketPercentiles band(
      double healthy, double bad, double target, double lag, double tau) {
    BucketPercentiles.Builder p = BucketPercentiles.newBuilder();
    for (int b = 0; b < BUCKETS; b++) {
      double m = median(healthy, bad, target, lag, tau, b);
      p.addP10(m * 0.92).addP50(m).addP90(m * 1.08);
    }
    return p.build();
  }
}
