package io.rehearsal.rehearse.evaluation;

import java.util.List;

/**
 * The predicted time series of every arm of an evaluation over the measured window, for plots:
 * bucket {@code i} covers [{@code start + i * width}, {@code start + (i + 1) * width}) seconds
 * after the start of the measured window (at most {@link ReplicationSeries#MAX_BUCKETS} buckets).
 * Built from the replications the coordinator merged, so it is the same bit for bit whether the
 * jobs ran in this process or on other workers.
 *
 * @param start first bucket's start, seconds after the start of the measured window
 * @param width bucket width, seconds
 * @param arms "do nothing" first, then the candidates in plan order; empty when the outcomes
 *     carried no series
 */
public record PredictedSeries(double start, double width, List<ArmPrediction> arms) {
  /** No series. */
  public static final PredictedSeries NONE = new PredictedSeries(0, 0, List.of());

  /** Copies the list. */
  public PredictedSeries {
    arms = List.copyOf(arms);
  }

  /** The prediction of the arm with that name. */
  public ArmPrediction arm(String name) {
    return arms.stream()
        .filter(a -> a.arm().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown arm '" + name + "'"));
  }
}
