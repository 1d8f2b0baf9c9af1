package io.rehearsal.rehearse.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a whole evaluation in this process: the {@link Coordinator}'s stages, each stage's jobs on a
 * fixed pool through a {@link JobRunner}. The result does not depend on the thread count and equals
 * the one obtained by running the same jobs in other processes.
 *
 * <pre>{@code
 * EvaluationPlan plan = new EvaluationPlan(spec, incident, candidates,
 *     SimulationConfig.of(900).withWarmup(240), 42, Objectives.DEFAULT, ReplicationPolicy.DEFAULT, 5);
 * EvaluationResult result = Evaluator.evaluate(plan, 2);
 * String best = result.best();
 * }</pre>
 */
public final class Evaluator {
  private Evaluator() {}

  /** Evaluates the plan on {@code threads} threads. */
  public static EvaluationResult evaluate(EvaluationPlan plan, int threads) {
    return evaluate(plan, threads, EvaluationListener.NONE);
  }

  /**
   * Evaluates the plan on {@code threads} threads, telling {@code listener} about stages and runs;
   * the result equals {@link #evaluate(EvaluationPlan, int)}'s.
   */
  public static EvaluationResult evaluate(
      EvaluationPlan plan, int threads, EvaluationListener listener) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      return evaluate(plan, pool, listener);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Evaluates the plan with its jobs on the caller's {@code executor} (which this does not shut
   * down), telling {@code listener} about stages and runs; the result does not depend on the
   * executor.
   */
  public static EvaluationResult evaluate(
      EvaluationPlan plan, Executor executor, EvaluationListener listener) {
    JobRunner runner = new JobRunner(plan);
    Coordinator coordinator = new Coordinator(plan);
    for (List<Job> stage = coordinator.nextStage();
        !stage.isEmpty();
        stage = coordinator.nextStage()) {
      listener.stageStarted(coordinator.stages(), stage);
      runStage(executor, runner, stage, listener).forEach(coordinator::accept);
    }
    return coordinator.result();
  }

  private static List<JobResult> runStage(
      Executor executor, JobRunner runner, List<Job> jobs, EvaluationListener listener) {
    List<CompletableFuture<JobResult>> futures = new ArrayList<>();
    jobs.forEach(
        job ->
            futures.add(CompletableFuture.supplyAsync(() -> runner.run(job, listener), executor)));
    List<JobResult> results = new ArrayList<>();
    try {
      for (CompletableFuture<JobResult> f : futures) {
        results.add(f.join());
      }
    } catch (CompletionException e) {
      throw new IllegalStateException("a job failed", e.getCause());
    }
    return results;
  }
}
