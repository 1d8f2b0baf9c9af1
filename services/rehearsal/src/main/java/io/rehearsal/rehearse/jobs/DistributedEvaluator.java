package io.rehearsal.rehearse.jobs;

import io.rehearsal.rehearse.evaluation.Coordinator;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Job;
import io.rehearsal.rehearse.evaluation.JobCodec;
import io.rehearsal.rehearse.evaluation.JobResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an evaluation's ranking-and-selection procedure with its jobs on a {@link JobTransport}: the
 * {@link Coordinator} decides each stage, the stage's jobs go to the transport, and whichever
 * workers (in this process or others) run them; results are merged as they land. The coordinator's
 * decisions depend only on the merged results, so the result equals an in-process {@code
 * Evaluator.evaluate} of the same plan, bit for bit, however many workers ran it and whether some
 * died and had their jobs reclaimed.
 */
public final class DistributedEvaluator {

  private final JobTransport transport;
  private final Duration poll;
  private final Duration deadline;

  /**
   * An evaluator over {@code transport}.
   *
   * @param poll longest wait for a wake-up before the results are read again
   * @param deadline longest wall-clock time one stage may take before the evaluation fails
   */
  public DistributedEvaluator(JobTransport transport, Duration poll, Duration deadline) {
    this.transport = transport;
    this.poll = poll;
    this.deadline = deadline;
  }

  /**
   * Evaluates {@code plan}, the plan decoded from {@code planBytes}, as batch {@code batchId}.
   *
   * @throws IllegalStateException if a job failed or a stage missed the deadline
   */
  public EvaluationResult evaluate(
      String batchId, byte[] planBytes, EvaluationPlan plan, SimulationProgress progress) {
    try (JobTransport.Batch batch = transport.open(batchId, planBytes)) {
      Coordinator coordinator = new Coordinator(plan);
      long[] counts = new long[2];
      for (List<Job> stage = coordinator.nextStage();
          !stage.isEmpty();
          stage = coordinator.nextStage()) {
        counts[1] += stage.size();
        runStage(batch, coordinator, stage, counts, progress);
      }
      return coordinator.result();
    }
  }

  private void runStage(
      JobTransport.Batch batch,
      Coordinator c,
      List<Job> stage,
      long[] counts,
      SimulationProgress progress) {
    Map<String, Job> pending = new LinkedHashMap<>();
    for (Job job : stage) {
      pending.put(id(job), job);
      batch.submit(id(job), JobCodec.encode(job));
    }
    String message =
        "stage " + c.stages() + ": " + stage.get(stage.size() - 1).to() + " replications per arm";
    progress.progress(counts[0], counts[1], eliminated(c), message);
    long end = System.nanoTime() + deadline.toNanos();
    while (!pending.isEmpty()) {
      failIfAnyFailed(batch);
      int merged = merge(batch, c, pending);
      counts[0] += merged;
      if (merged > 0) {
        progress.progress(counts[0], counts[1], eliminated(c), message);
      } else if (System.nanoTime() > end) {
        throw new IllegalStateException(
            pending.size() + " jobs of stage " + c.stages() + " not done within " + deadline);
      } else {
        batch.await(poll);
      }
    }
  }

  private static int merge(JobTransport.Batch batch, Coordinator c, Map<String, Job> pending) {
    int merged = 0;
    for (Map.Entry<String, byte[]> e : batch.results(pending.keySet()).entrySet()) {
      JobResult result = JobCodec.decodeResult(e.getValue());
      if (!result.job().equals(pending.get(e.getKey()))) {
        throw new IllegalStateException("result of job " + e.getKey() + " is for " + result.job());
      }
      c.accept(result);
      pending.remove(e.getKey());
      merged++;
    }
    return merged;
  }

  private static void failIfAnyFailed(JobTransport.Batch batch) {
    Map<String, String> failures = batch.failures();
    if (!failures.isEmpty()) {
      Map.Entry<String, String> first = failures.entrySet().iterator().next();
      throw new IllegalStateException("job " + first.getKey() + " failed: " + first.getValue());
    }
  }

  private static int eliminated(Coordinator c) {
    boolean[] alive = c.alive();
    int n = 0;
    for (int arm = 1; arm < alive.length; arm++) {
      n += alive[arm] ? 0 : 1;
    }
    return n;
  }

  /** The job's id in its batch, e.g. {@code a2:10-15}. */
  static String id(Job job) {
    return "a" + job.arm() + ":" + job.from() + "-" + job.to();
  }
}
