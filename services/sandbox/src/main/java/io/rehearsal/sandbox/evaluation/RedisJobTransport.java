package io.rehearsal.sandbox.evaluation;

import io.rehearsal.rehearse.jobs.JobTransport;
import io.rehearsal.store.JobBatch;
import io.rehearsal.store.JobQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * The sandbox service's job transport: a Redis Stream consumer group ({@link JobQueue}), so every
 * sandbox replica's {@link JobWorkers} share the jobs and a crashed worker's jobs are reclaimed.
 */
public final class RedisJobTransport implements JobTransport {
  private final JobQueue queue;

  /** A transport over {@code queue}. */
  public RedisJobTransport(JobQueue queue) {
    this.queue = queue;
  }

  @Override
  public Batch open(String batchId, byte[] plan) {
    JobBatch batch = queue.open(batchId, plan);
    return new Batch() {
      @Override
      public void submit(String jobId, byte[] job) {
        batch.submit(jobId, job);
      }

      @Override
      public Map<String, byte[]> results(Collection<String> jobIds) {
        return batch.results(jobIds);
      }

      @Override
      public Map<String, String> failures() {
        return batch.failures();
      }

      @Override
      public boolean await(Duration timeout) {
        return batch.await(timeout);
      }

      @Override
      public void close() {
        batch.close();
      }
    };
  }
}
