package io.rehearsal.sandbox.evaluation;

import io.rehearsal.rehearse.evaluation.JobCodec;
import io.rehearsal.rehearse.evaluation.JobRunner;
import io.rehearsal.store.Delivery;
import io.rehearsal.store.JobConsumer;
import io.rehearsal.store.JobQueue;
import io.rehearsal.store.TwinSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A process's evaluation workers: threads that take simulation jobs from the queue (reclaiming jobs
 * of dead workers first), run them with the batch's plan and store their results; a heartbeat
 * touches the running jobs so that live workers keep theirs. Any number of processes run workers on
 * the same queue.
 */
public final class JobWorkers implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());

  private final JobQueue queue;
  private final WorkerSettings settings;
  private final PlanCache plans;
  private final String process;
  private final Map<Delivery, JobConsumer> running = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private volatile boolean stopped;

  /** Workers on {@code queue} whose twins come from {@code snapshots}; call {@link #start()}. */
  public JobWorkers(JobQueue queue, TwinSnapshots snapshots, WorkerSettings settings) {
    this.queue = queue;
    this.settings = settings;
    this.plans = new PlanCache(queue, snapshots);
    this.process =
        "p" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sandbox-worker-heartbeat"));
  }

  /** Starts the threads and the heartbeat. */
  public synchronized JobWorkers start() {
    long every = Math.max(10, settings.minIdle().toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::touchRunning, every, every, TimeUnit.MILLISECONDS);
    for (int i = 0; i < settings.threads(); i++) {
      JobConsumer consumer =
          queue.consumer(process + "-" + i, settings.minIdle(), settings.maxDeliveries());
      Thread t = daemon(() -> loop(consumer), "sandbox-worker-" + i);
      threads.add(t);
      t.start();
    }
    return this;
  }

  /** This process's prefix of consumer names, e.g. {@code p4242-1a2b3c4d}. */
  public String process() {
    return process;
  }

  /** Stops taking jobs, waits for running ones to finish, closes the connections. */
  @Override
  public synchronized void close() {
    stopped = true;
    for (Thread t : threads) {
      try {
        t.join(settings.block().toMillis() + 60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    heartbeat.shutdownNow();
  }

  private void loop(JobConsumer consumer) {
    try (consumer) {
      while (!stopped) {
        try {
          consumer.take(settings.block()).ifPresent(job -> run(consumer, job));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "worker " + consumer.name() + ": " + e.getMessage(), e);
          pause();
        }
      }
    }
  }

  private void run(JobConsumer consumer, Delivery job) {
    Optional<JobRunner> runner;
    try {
      runner = plans.runner(job.batch());
    } catch (RuntimeException e) {
      consumer.fail(job, "cannot load the plan of " + job.batch() + ": " + e.getMessage());
      return;
    }
    if (runner.isEmpty()) {
      consumer.drop(job);
      return;
    }
    running.put(job, consumer);
    try {
      byte[] result = JobCodec.encode(runner.get().run(JobCodec.decodeJob(job.payload())));
      consumer.complete(job, result);
    } catch (RuntimeException e) {
      consumer.fail(job, e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      running.remove(job);
    }
  }

  private void touchRunning() {
    running.forEach(
        (job, consumer) -> {
          try {
            consumer.touch(job);
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heartbeat of " + job.jobId() + " failed", e);
          }
        });
  }

  private void pause() {
    try {
      Thread.sleep(Math.min(1000, settings.block().toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
