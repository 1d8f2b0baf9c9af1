package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.spec.Remediation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the {@link PredictedSeries} of an evaluation from the merged replication outcomes: per arm
 * and bucket, the 10th, 50th and 90th percentile across all the arm's replications, summed in
 * replication order (no dependence on threads or arrival order of results).
 */
final class Predictions {
  private Predictions() {}

  static PredictedSeries of(
      EvaluationPlan plan, ReplicationOutcome[][] outcomes, int[] replications) {
    ReplicationSeries first = outcomes[0][0].series();
    int buckets = buckets(outcomes, replications);
    if (buckets == 0) {
      return PredictedSeries.NONE;
    }
    List<ArmPrediction> arms = new ArrayList<>();
    for (int arm = 0; arm < plan.arms(); arm++) {
      ReplicationOutcome[] runs = Arrays.copyOf(outcomes[arm], replications[arm]);
      arms.add(
          new ArmPrediction(
              plan.armName(arm),
              effectiveAt(plan, arm),
              runs.length,
              band(runs, buckets, ReplicationSeries::p99),
              band(runs, buckets, ReplicationSeries::errorRate)));
    }
    return new PredictedSeries(first.start(), first.width(), arms);
  }

  /** Buckets every merged replication has (0 when some carries no series). */
  private static int buckets(ReplicationOutcome[][] outcomes, int[] replications) {
    int n = Integer.MAX_VALUE;
    for (int arm = 0; arm < outcomes.length; arm++) {
      for (int r = 0; r < replications[arm]; r++) {
        n = Math.min(n, outcomes[arm][r].series().buckets());
      }
    }
    return n == Integer.MAX_VALUE ? 0 : n;
  }

  private static BucketBand band(
      ReplicationOutcome[] runs,
      int buckets,
      BiFunction<ReplicationSeries, Integer, Double> metric) {
    List<Double> p10 = new ArrayList<>(buckets);
    List<Double> p50 = new ArrayList<>(buckets);
    List<Double> p90 = new ArrayList<>(buckets);
    double[] values = new double[runs.length];
    for (int b = 0; b < buckets; b++) {
      int n = 0;
      for (ReplicationOutcome run : runs) {
        double v = metric.apply(run.series(), b);
        if (!Double.isNaN(v)) {
          values[n++] = v;
        }
      }
      double[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      p10.add(n == 0 ? Double.NaN : OutcomeStatistics.quantile(sorted, 0.1));
      p50.add(n == 0 ? Double.NaN : OutcomeStatistics.quantile(sorted, 0.5));
      p90.add(n == 0 ? Double.NaN : OutcomeStatistics.quantile(sorted, 0.9));
    }
    return new BucketBand(p10, p50, p90);
  }

  private static double effectiveAt(EvaluationPlan plan, int arm) {
    if (arm == 0) {
      return Double.NaN;
    }
    return plan.candidates().get(arm - 1).remediations().stream()
            .mapToDouble(Remediation::effectiveAt)
            .min()
            .orElse(Double.NaN)
        - plan.config().warmup();
  }
}
