package io.rehearsal.sandbox.evaluation;

import java.time.Duration;

/**
 * How a process's evaluation workers consume the job queue.
 *
 * @param threads worker threads (>= 0; 0 runs no worker, e.g. a coordinator-only process)
 * @param minIdle how long a job may go untouched before other workers reclaim it; workers touch
 *     their running jobs every third of it, so only a dead worker's jobs are reclaimed
 * @param maxDeliveries deliveries after which a job counts as poison and fails its evaluation
 * @param block longest blocking read for new jobs (also how often reclaim is tried when idle)
 */
public record WorkerSettings(int threads, Duration minIdle, int maxDeliveries, Duration block) {
  /** Validates the settings. */
  public WorkerSettings {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, but was " + threads);
    }
    if (minIdle == null || minIdle.toMillis() < 30) {
      throw new IllegalArgumentException("minIdle must be >= 30 ms, but was " + minIdle);
    }
    if (maxDeliveries < 1) {
      throw new IllegalArgumentException("maxDeliveries must be >= 1, but was " + maxDeliveries);
    }
    if (block == null || block.toMillis() < 1) {
      throw new IllegalArgumentException("block must be >= 1 ms, but was " + block);
    }
  }
}
