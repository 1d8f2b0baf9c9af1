package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.jobs.DistributedEvaluator;
import io.rehearsal.rehearse.jobs.InMemoryJobTransport;
import io.rehearsal.rehearse.jobs.SimulationProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Measures time to decision on a {@link BenchCase}: the first seed with one worker, then every seed
 * with two workers, all through {@link DistributedEvaluator} on in-memory queues (the service's job
 * mechanism, only the transport differs); the best candidates of the seeds give the top-1
 * agreement.
 */
final class Bench {
  private final BenchCase standard;
  private final ReplicationPolicy policy;

  Bench(BenchCase standard, ReplicationPolicy policy) {
    this.standard = standard;
    this.policy = policy;
  }

  BenchReport run(long firstSeed, int seeds, double rate, double horizon, Consumer<String> say) {
    say.accept("seed " + firstSeed + ", 1 worker");
    long t0 = System.nanoTime();
    EvaluationResult one = evaluate(standard.plan(firstSeed, policy), 1);
    double secondsOne = (System.nanoTime() - t0) / 1e9;
    List<Double> seconds = new ArrayList<>();
    List<EvaluationResult> results = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      long seed = firstSeed + i;
      say.accept("seed " + seed + ", 2 workers");
      long t = System.nanoTime();
      results.add(evaluate(standard.plan(seed, policy), 2));
      seconds.add((System.nanoTime() - t) / 1e9);
    }
    List<String> bests = results.stream().map(EvaluationResult::best).toList();
    return new BenchReport(
        secondsOne,
        median(seconds),
        seconds,
        results.get(0).totalReplications(),
        results.get(0).stages(),
        bests.get(0),
        bests,
        agreement(bests),
        one.equals(results.get(0)),
        rate,
        standard.factor(),
        horizon,
        standard.candidates().size(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * Evaluates {@code plan} the way the sandbox service does: a coordinator hands each stage's
   * encoded jobs to {@code workers} threads, each with its own copy of the plan.
   */
  static EvaluationResult evaluate(EvaluationPlan plan, int workers) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "rehearsal-bench-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      InMemoryJobTransport transport = new InMemoryJobTransport(pool, workers, bytes -> plan);
      return new DistributedEvaluator(transport, Duration.ofMillis(100), Duration.ofHours(1))
          .evaluate("bench", new byte[0], plan, SimulationProgress.NONE);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The median, which a burst of CPU contention from other processes moves least. */
  static double median(List<Double> values) {
    return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Share of the seeds that pick the most often picked best (do nothing counts as a pick). */
  static double agreement(List<String> bests) {
    Map<String, Integer> counts = new HashMap<>();
    for (String b : bests) {
      counts.merge(Objects.requireNonNullElse(b, EvaluationPlan.DO_NOTHING), 1, Integer::sum);
    }
    int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return bests.isEmpty() ? 0 : (double) top / bests.size();
  }
}
