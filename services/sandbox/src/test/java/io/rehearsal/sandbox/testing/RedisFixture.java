package io.rehearsal.sandbox.testing;

import io.rehearsal.sandbox.evaluation.JobWorkers;
import io.rehearsal.sandbox.evaluation.WorkerSettings;
import io.rehearsal.store.JobQueue;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;

/** A real redis-server (embedded, free port, temp dir), a job queue and optional workers. */
public final class RedisFixture implements AutoCloseable {

  public final RedisStore store;
  public final JobQueue queue;
  private JobWorkers workers;

  private RedisFixture(RedisStore store) {
    this.store = store;
    this.queue = store.jobQueue("test", Duration.ofHours(1));
  }

  /** Starts a server with its data in {@code dir}. */
  public static RedisFixture start(Path dir) {
    return new RedisFixture(
        RedisStore.connect(
            StoreConfig.defaults().withDataDir(dir).withCommandTimeout(Duration.ofSeconds(10))));
  }

  /** Starts {@code threads} in-process workers on the queue. */
  public RedisFixture withWorkers(int threads, Duration minIdle) {
    workers =
        new JobWorkers(
                queue,
                store.twinSnapshots(),
                new WorkerSettings(threads, minIdle, 5, Duration.ofMillis(200)))
            .start();
    return this;
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.close();
    }
    store.close();
  }
}
