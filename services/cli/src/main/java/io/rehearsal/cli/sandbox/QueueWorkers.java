package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.Coordinator;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Job;
import io.rehearsal.rehearse.evaluation.JobCodec;
import io.rehearsal.rehearse.evaluation.JobRunner;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs an evaluation the way the sandbox service does, in one process: a {@link Coordinator} issues
 * each stage's jobs encoded with {@link JobCodec} on a queue; {@code workers} threads, each with
 * its own {@link JobRunner} built from its own equal plan (as another process would), take jobs,
 * run them and put encoded results on a result queue, which the coordinator merges. Only the
 * transport (in-memory queues instead of a Redis Stream) differs from the service.
 */
final class QueueWorkers {
  private static final byte[] STOP = new byte[0];

  private QueueWorkers() {}

  /** Evaluates the plan that {@code plans} builds (called once per worker and once here). */
  static EvaluationResult evaluate(Supplier<EvaluationPlan> plans, int workers) {
    BlockingQueue<byte[]> jobs = new LinkedBlockingQueue<>();
    BlockingQueue<byte[]> results = new LinkedBlockingQueue<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread[] threads = new Thread[workers];
    for (int i = 0; i < workers; i++) {
      threads[i] =
          new Thread(() -> work(plans, jobs, results, failure), "rehearsal-bench-worker-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    try {
      return coordinate(new Coordinator(plans.get()), jobs, results, failure);
    } finally {
      for (int i = 0; i < workers; i++) {
        jobs.add(STOP);
      }
    }
  }

  private static EvaluationResult coordinate(
      Coordinator coordinator,
      BlockingQueue<byte[]> jobs,
      BlockingQueue<byte[]> results,
      AtomicReference<RuntimeException> failure) {
    try {
      for (List<Job> stage = coordinator.nextStage();
          !stage.isEmpty();
          stage = coordinator.nextStage()) {
        stage.forEach(job -> jobs.add(JobCodec.encode(job)));
        while (!coordinator.stageComplete()) {
          byte[] bytes = results.take();
          if (bytes == STOP) {
            throw new IllegalStateException("a worker failed", failure.get());
          }
          coordinator.accept(JobCodec.decodeResult(bytes));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for job results", e);
    }
    return coordinator.result();
  }

  private static void work(
      Supplier<EvaluationPlan> plans,
      BlockingQueue<byte[]> jobs,
      BlockingQueue<byte[]> results,
      AtomicReference<RuntimeException> failure) {
    try {
      JobRunner runner = new JobRunner(plans.get());
      for (byte[] bytes = jobs.take(); bytes != STOP; bytes = jobs.take()) {
        results.add(JobCodec.encode(runner.run(JobCodec.decodeJob(bytes))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.set(e);
      results.add(STOP);
    }
  }
}
