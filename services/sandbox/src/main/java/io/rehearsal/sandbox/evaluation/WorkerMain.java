package io.rehearsal.sandbox.evaluation;

import io.rehearsal.store.JobQueue;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A worker-only sandbox process: {@code java -cp ... io.rehearsal.sandbox.evaluation.WorkerMain
 * redis://host:port [threads] [minIdleMillis] [queue]}. Runs evaluation jobs from the queue until
 * killed; prints {@code ready <consumer prefix>} once it consumes. Scale-out without the gRPC
 * service, and the process the kill test kills.
 */
public final class WorkerMain {

  private WorkerMain() {}

  /** Runs workers until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: WorkerMain redis://host:port [threads] [minIdleMillis] [queue]");
      System.exit(2);
    }
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Duration minIdle = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 30_000);
    String name = args.length > 3 ? args[3] : "sandbox";
    RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(args[0]));
    JobQueue queue = store.jobQueue(name, Duration.ofDays(1));
    JobWorkers workers =
        new JobWorkers(
                queue,
                store.twinSnapshots(),
                new WorkerSettings(threads, minIdle, 5, Duration.ofMillis(500)))
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  workers.close();
                  store.close();
                }));
    System.out.println("ready " + workers.process());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
