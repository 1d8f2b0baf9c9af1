package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.EndpointResult.BucketResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the per-bucket entry p99 latency and error rate of every replication it is shown and
 * averages them per arm ({@link ArmSeries}), for plots of each candidate against "do nothing".
 * Averages are summed in replication order, so they depend only on the plan and the replications
 * run, never on threads or timing. Pass it to {@link Evaluator#evaluate(EvaluationPlan, int,
 * EvaluationListener)} or to {@link JobRunner#run(Job, EvaluationListener)}.
 */
public final class SeriesCollector implements EvaluationListener {
  private final EvaluationPlan plan;
  private final Set<String> entries;
  private final Map<Long, double[][]> runs = new ConcurrentHashMap<>();

  /** Collects the series of the plan's arms. */
  public SeriesCollector(EvaluationPlan plan) {
    this.plan = plan;
    this.entries = entries(plan.spec());
  }

  @Override
  public void replicationFinished(int arm, int replication, RunResult run) {
    runs.put(key(arm, replication), perBucket(run));
  }

  /** The series of every arm, "do nothing" first, then the candidates in plan order. */
  public List<ArmSeries> series() {
    List<ArmSeries> out = new ArrayList<>();
    for (int arm = 0; arm < plan.arms(); arm++) {
      out.add(series(arm));
    }
    return out;
  }

  /**
   * The series of one arm over its replications 0, 1, ... as far as they were all shown.
   *
   * @throws IllegalStateException if no replication of the arm was shown
   */
  public ArmSeries series(int arm) {
    int n = 0;
    while (runs.containsKey(key(arm, n))) {
      n++;
    }
    if (n == 0) {
      throw new IllegalStateException("no replication of arm " + plan.armName(arm) + " was run");
    }
    double width = plan.config().bucket();
    int buckets = runs.get(key(arm, 0))[0].length;
    List<BucketMean> means = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      means.add(mean(arm, n, b, width));
    }
    return new ArmSeries(plan.armName(arm), n, width, means);
  }

  private BucketMean mean(int arm, int n, int b, double width) {
    double p99 = 0;
    int withP99 = 0;
    double errors = 0;
    for (int r = 0; r < n; r++) {
      double[][] v = runs.get(key(arm, r));
      if (!Double.isNaN(v[0][b])) {
        p99 += v[0][b];
        withP99++;
      }
      errors += v[1][b];
    }
    return new BucketMean(b * width, withP99 == 0 ? Double.NaN : p99 / withP99, errors / n);
  }

  /** {worst entry p99 per bucket, entry error rate per bucket} of one run. */
  private double[][] perBucket(RunResult run) {
    int buckets = run.config().buckets();
    double[] p99 = new double[buckets];
    double[] errorRate = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      double worst = Double.NaN;
      long total = 0;
      long bad = 0;
      for (EndpointResult e : run.endpoints()) {
        if (entries.contains(e.endpoint()) && b < e.buckets().size()) {
          BucketResult bucket = e.buckets().get(b);
          worst = Double.isNaN(worst) || bucket.p99() > worst ? bucket.p99() : worst;
          total += bucket.total();
          bad += bucket.failed() + bucket.rejected();
        }
      }
      p99[b] = worst;
      errorRate[b] = total == 0 ? 0 : (double) bad / total;
    }
    return new double[][] {p99, errorRate};
  }

  private static Set<String> entries(TwinSpec spec) {
    Set<String> entries = new HashSet<>();
    spec.traffic().forEach(t -> entries.add(t.endpoint()));
    spec.sessions().forEach(s -> entries.addAll(s.steps()));
    return entries;
  }

  private static long key(int arm, int replication) {
    return ((long) arm << 32) | replication;
  }
}
