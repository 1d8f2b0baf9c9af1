package io.rehearsal.rehearse.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Carries an evaluation's jobs to workers and their results back: an in-memory queue in one process
 * ({@link InMemoryJobTransport}) or a Redis Stream consumer group across processes (the sandbox
 * service's). Jobs and results are opaque bytes ({@link
 * io.rehearsal.rehearse.evaluation.JobCodec}); workers build the plan from the batch's plan bytes.
 */
public interface JobTransport {

  /** Opens the batch of one evaluation, whose workers build their plan from {@code plan}. */
  Batch open(String batchId, byte[] plan);

  /** The jobs of one evaluation in flight. */
  interface Batch extends AutoCloseable {

    /** Hands a job to the workers. */
    void submit(String jobId, byte[] job);

    /** The results of those of {@code jobIds} that are done, by job id. */
    Map<String, byte[]> results(Collection<String> jobIds);

    /** Failed jobs, by job id, with the failure's message. */
    Map<String, String> failures();

    /** Waits up to {@code timeout} for a result; whether one may have landed. */
    boolean await(Duration timeout);

    /** Forgets the batch; its workers stop taking its jobs. */
    @Override
    void close();
  }
}
