package io.rehearsal.sandbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.jobs.DistributedEvaluator;
import io.rehearsal.rehearse.jobs.SimulationProgress;
import io.rehearsal.sandbox.testing.Plans;
import io.rehearsal.sandbox.testing.RedisFixture;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.store.PendingJob;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real worker processes share an evaluation coordinated by this JVM (which runs no worker); one
 * is killed with SIGKILL while it holds a job. The survivor reclaims the job after the min-idle
 * time and the result equals an undisturbed in-process run, bit for bit.
 */
class WorkerKillTest {

  private static final long MIN_IDLE_MS = 1500;

  @TempDir Path dir;
  private final List<Process> workers = new ArrayList<>();
  private RedisFixture redis;

  @AfterEach
  void stop() {
    workers.forEach(Process::destroyForcibly);
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void shouldCompleteWithTheUndisturbedResultWhenAWorkerIsKilledMidJob() throws Exception {
    redis = RedisFixture.start(dir);
    TwinSpec twin = ReferenceShop.twin();
    String twinHash = redis.store.twinSnapshots().put(Fork.canonical(twin)).hex();
    EvaluationPlan plan =
        Plans.catalogIncident(twin, 1200, new ReplicationPolicy(8, 16, 4, 0.95, 0.002), 4);
    byte[] planBytes = PlanDocument.of(twinHash, plan).encode();
    EvaluationPlan shared = PlanDocument.decode(planBytes).toPlan(twin);
    String victim = startWorker();
    startWorker();

    long start = System.nanoTime();
    CompletableFuture<EvaluationResult> distributed =
        CompletableFuture.supplyAsync(
            () ->
                new DistributedEvaluator(
                        new RedisJobTransport(redis.queue),
                        Duration.ofMillis(100),
                        Duration.ofMinutes(2))
                    .evaluate("ev-kill", planBytes, shared, SimulationProgress.NONE));
    PendingJob held = awaitJobHeldBy(victim);
    workers.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    double killedAt = (System.nanoTime() - start) / 1e9;
    EvaluationResult result = distributed.get(2, TimeUnit.MINUTES);
    double total = (System.nanoTime() - start) / 1e9;
    EvaluationResult undisturbed = Evaluator.evaluate(shared, 2);

    String run =
        String.format(
            Locale.ROOT,
            "kill -9 test: killed %s holding %s at %.1f s, evaluation done at %.1f s, %d"
                + " replications",
            victim,
            held.entryId(),
            killedAt,
            total,
            result.totalReplications());
    assertThat(workers.get(0).isAlive()).as("%s", run).isFalse();
    assertThat(result).as("%s", run).isEqualTo(undisturbed);
    assertThat(redis.queue.pending(10)).as("%s", run).isEmpty();
  }

  private PendingJob awaitJobHeldBy(String consumerPrefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (PendingJob p : redis.queue.pending(100)) {
        if (p.consumer().startsWith(consumerPrefix)) {
          return p;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("worker " + consumerPrefix + " never took a job");
  }

  /** Starts a worker process (1 thread) and returns its consumer prefix once it is consuming. */
  private String startWorker() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    WorkerMain.class.getName(),
                    redis.store.uri(),
                    "1",
                    Long.toString(MIN_IDLE_MS),
                    "test"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    workers.add(p);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("worker's first line").startsWith("ready ");
    return line.substring("ready ".length()).trim();
  }
}
