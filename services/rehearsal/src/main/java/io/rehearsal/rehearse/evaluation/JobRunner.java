package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Job}s of one {@link EvaluationPlan}: a pure function of (plan, job), safe to call
 * from several threads, in any process that built the same plan.
 */
public final class JobRunner {
  private final EvaluationPlan plan;
  private final Engine engine;

  /** Prepares a runner for a plan. */
  public JobRunner(EvaluationPlan plan) {
    this.plan = plan;
    this.engine = new Engine(plan.spec());
  }

  /**
   * Simulates the job's replications of its arm.
   *
   * @throws IllegalArgumentException if the job's arm is not in the plan
   */
  public JobResult run(Job job) {
    return run(job, EvaluationListener.NONE);
  }

  /**
   * Simulates the job's replications of its arm and shows each run to {@code listener}; the result
   * equals {@link #run(Job)}'s.
   *
   * @throws IllegalArgumentException if the job's arm is not in the plan
   */
  public JobResult run(Job job, EvaluationListener listener) {
    if (job.arm() >= plan.arms()) {
      throw new IllegalArgumentException(
          "job.arm must be < " + plan.arms() + ", but was " + job.arm());
    }
    List<ReplicationOutcome> outcomes = new ArrayList<>();
    for (int r = job.from(); r < job.to(); r++) {
      RunResult run = engine.run(plan.scenario(job.arm()), plan.config(), plan.seed(), r);
      outcomes.add(measure(plan.spec(), plan.objectives(), run));
      listener.replicationFinished(job.arm(), r, run);
    }
    return new JobResult(job, outcomes);
  }

  /** The outcome metrics of one run. */
  static ReplicationOutcome measure(TwinSpec spec, Objectives objectives, RunResult run) {
    SloGrades grades = SloGrades.of(spec, objectives, run);
    return new ReplicationOutcome(
        grades.attainment(),
        grades.graded(),
        RunMeasures.worstEntryP99(spec, run),
        RunMeasures.entryErrorRate(spec, run),
        RunMeasures.timeToRecover(run),
        run.cost(),
        !Double.isNaN(run.timeToRecover()),
        grades.perSlo(),
        ReplicationSeries.of(RunMeasures.entries(spec), run));
  }
}
