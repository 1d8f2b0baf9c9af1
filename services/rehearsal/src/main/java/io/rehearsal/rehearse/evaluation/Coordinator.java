package io.rehearsal.rehearse.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives the ranking-and-selection procedure of one evaluation: hands out the jobs of one stage at
 * a time, merges {@link JobResult}s (in any order, duplicates ignored), and at the end of a stage
 * eliminates arms that are clearly worse ({@link KimNelson}). Its decisions depend only on the
 * merged results, so an evaluation run in one process and one run as jobs across processes end in
 * the same {@link EvaluationResult}.
 *
 * <pre>{@code
 * Coordinator c = new Coordinator(plan);
 * for (List<Job> stage = c.nextStage(); !stage.isEmpty(); stage = c.nextStage()) {
 *   stage.forEach(job -> c.accept(runner.run(job)));   // or via a queue and other processes
 * }
 * EvaluationResult result = c.result();
 * }</pre>
 */
public final class Coordinator {
  private final EvaluationPlan plan;
  private final KimNelson kn;
  private final ReplicationOutcome[][] outcomes;
  private final boolean[] alive;
  private final int[] planned;
  private final List<Job> pending = new ArrayList<>();
  private double[][] s2;
  private int stages;
  private boolean finished;

  /** Starts an evaluation; nothing runs until {@link #nextStage()}. */
  public Coordinator(EvaluationPlan plan) {
    this.plan = plan;
    this.kn = new KimNelson(plan.arms(), plan.policy());
    this.outcomes = new ReplicationOutcome[plan.arms()][plan.policy().maxReplications()];
    this.alive = new boolean[plan.arms()];
    this.planned = new int[plan.arms()];
    java.util.Arrays.fill(alive, true);
  }

  /**
   * Decides and returns the jobs of the next stage, or an empty list when the procedure has
   * stopped.
   *
   * @throws IllegalStateException if the current stage is not complete
   */
  public List<Job> nextStage() {
    if (!stageComplete()) {
      throw new IllegalStateException(pending.size() + " jobs of stage " + stages + " missing");
    }
    if (stages > 0) {
      eliminate();
    }
    if (finished || stopNow()) {
      finished = true;
      return List.of();
    }
    int target = stages == 0 ? plan.policy().minReplications() : nextCount();
    stages++;
    for (int arm = 0; arm < plan.arms(); arm++) {
      if (arm == 0 || alive[arm]) {
        plan(arm, target);
      }
    }
    return List.copyOf(pending);
  }

  /**
   * Merges a job's result. A result for a job already merged is ignored (at-least-once delivery).
   *
   * @throws IllegalArgumentException if the job was never issued or its result conflicts with one
   *     already merged
   */
  public void accept(JobResult result) {
    Job job = result.job();
    if (job.arm() >= plan.arms() || job.to() > planned[job.arm()]) {
      throw new IllegalArgumentException("job " + job + " was never issued");
    }
    for (int i = 0; i < job.size(); i++) {
      ReplicationOutcome known = outcomes[job.arm()][job.from() + i];
      ReplicationOutcome next = result.outcomes().get(i);
      if (known != null && !known.equals(next)) {
        throw new IllegalArgumentException("job " + job + " conflicts with a merged result");
      }
      outcomes[job.arm()][job.from() + i] = next;
    }
    pending.remove(job);
  }

  /** Whether every job of the current stage has been merged. */
  public boolean stageComplete() {
    return pending.isEmpty();
  }

  /** Whether the procedure has stopped ({@link #nextStage()} returned an empty list). */
  public boolean finished() {
    return finished;
  }

  /** Stages started so far. */
  public int stages() {
    return stages;
  }

  /** Arms still in contention (arm 0 is "do nothing"). */
  public boolean[] alive() {
    return alive.clone();
  }

  /**
   * The evaluation's result.
   *
   * @throws IllegalStateException before the procedure has finished
   */
  public EvaluationResult result() {
    if (!finished) {
      throw new IllegalStateException("the evaluation has not finished");
    }
    boolean unresolved = count(alive) > 1;
    return new Results(plan, outcomes, planned, alive, unresolved, stages).build();
  }

  private void plan(int arm, int target) {
    for (int from = planned[arm]; from < target; from += plan.jobSize()) {
      pending.add(new Job(arm, from, Math.min(target, from + plan.jobSize())));
    }
    planned[arm] = Math.max(planned[arm], target);
  }

  private int nextCount() {
    return Math.min(plan.policy().maxReplications(), planned[0] + plan.policy().batch());
  }

  private boolean stopNow() {
    return stages > 0
        && (count(alive) <= 1 || planned[0] >= plan.policy().maxReplications() || decided());
  }

  private boolean decided() {
    for (int i = 0; i < alive.length; i++) {
      for (int l = i + 1; l < alive.length; l++) {
        if (alive[i] && alive[l] && planned[0] <= kn.decidedAfter(s2[i][l])) {
          return false;
        }
      }
    }
    return true;
  }

  private void eliminate() {
    int r = planned[0];
    double[][] u = utilities(r);
    if (s2 == null) {
      s2 = pairVariances(u, plan.policy().minReplications());
    }
    double[] means = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      means[i] = alive[i] ? mean(u[i], r) : Double.NaN;
    }
    boolean[] next = kn.survivors(alive, means, s2, r);
    System.arraycopy(next, 0, alive, 0, alive.length);
  }

  private double[][] utilities(int r) {
    double[][] u = new double[plan.arms()][];
    for (int arm = 0; arm < u.length; arm++) {
      if (alive[arm]) {
        u[arm] = new double[r];
        for (int i = 0; i < r; i++) {
          u[arm][i] = plan.objectives().utility(outcomes[arm][i]);
        }
      }
    }
    return u;
  }

  private static double[][] pairVariances(double[][] u, int n0) {
    double[][] s2 = new double[u.length][u.length];
    for (int i = 0; i < u.length; i++) {
      for (int l = 0; l < u.length; l++) {
        s2[i][l] = i == l ? 0 : variance(u[i], u[l], n0);
      }
    }
    return s2;
  }

  private static double variance(double[] a, double[] b, int n) {
    double mean = 0;
    for (int j = 0; j < n; j++) {
      mean += (a[j] - b[j]) / n;
    }
    double ss = 0;
    for (int j = 0; j < n; j++) {
      double d = a[j] - b[j] - mean;
      ss += d * d;
    }
    return ss / (n - 1);
  }

  private static double mean(double[] x, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += x[i];
    }
    return sum / n;
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }
}
