package io.rehearsal.rehearse.jobs;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.JobCodec;
import io.rehearsal.rehearse.evaluation.JobRunner;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Jobs on in-memory queues: each batch starts {@code workers} tasks on the executor, each with its
 * own {@link JobRunner} built from its own plan (as another process would build it from the plan
 * bytes), taking encoded jobs and leaving encoded results. Only the transport differs from the
 * sandbox service's Redis Stream, so a benchmark of this measures the service's job mechanism.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(2);
 * JobTransport transport = new InMemoryJobTransport(pool, 2, bytes -> plan);
 * EvaluationResult r = new DistributedEvaluator(transport, Duration.ofMillis(100), Duration.ofHours(1))
 *     .evaluate("ev-1", new byte[0], plan, SimulationProgress.NONE);
 * }</pre>
 */
public final class InMemoryJobTransport implements JobTransport {
  private final Executor executor;
  private final int workers;
  private final Function<byte[], EvaluationPlan> plans;

  /**
   * A transport whose batches run on {@code workers} tasks of {@code executor}.
   *
   * @param executor runs each worker task on a thread of its own (not the caller's)
   * @param plans builds a worker's plan from a batch's plan bytes
   * @throws IllegalArgumentException if {@code workers < 1}
   */
  public InMemoryJobTransport(
      Executor executor, int workers, Function<byte[], EvaluationPlan> plans) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, but was " + workers);
    }
    this.executor = executor;
    this.workers = workers;
    this.plans = plans;
  }

  @Override
  public Batch open(String batchId, byte[] plan) {
    MemoryBatch batch = new MemoryBatch();
    for (int i = 0; i < workers; i++) {
      executor.execute(() -> batch.work(plans.apply(plan)));
    }
    return batch;
  }

  private final class MemoryBatch implements Batch {
    private static final String STOP = "";
    private final BlockingQueue<Map.Entry<String, byte[]>> jobs = new LinkedBlockingQueue<>();
    private final Map<String, byte[]> results = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Semaphore landed = new Semaphore(0);

    @Override
    public void submit(String jobId, byte[] job) {
      jobs.add(Map.entry(jobId, job));
    }

    @Override
    public Map<String, byte[]> results(Collection<String> jobIds) {
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (String id : jobIds) {
        byte[] r = results.get(id);
        if (r != null) {
          out.put(id, r);
        }
      }
      return out;
    }

    @Override
    public Map<String, String> failures() {
      return Map.copyOf(failures);
    }

    @Override
    public boolean await(Duration timeout) {
      try {
        boolean any = landed.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        landed.drainPermits();
        return any;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public void close() {
      for (int i = 0; i < workers; i++) {
        jobs.add(Map.entry(STOP, new byte[0]));
      }
    }

    private void work(EvaluationPlan plan) {
      JobRunner runner = new JobRunner(plan);
      try {
        for (Map.Entry<String, byte[]> job = jobs.take();
            !job.getKey().equals(STOP);
            job = jobs.take()) {
          run(runner, job);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void run(JobRunner runner, Map.Entry<String, byte[]> job) {
      try {
        results.put(job.getKey(), JobCodec.encode(runner.run(JobCodec.decodeJob(job.getValue()))));
      } catch (RuntimeException e) {
        failures.put(job.getKey(), e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      landed.release();
    }
  }
}
