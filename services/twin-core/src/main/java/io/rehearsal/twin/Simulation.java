package io.rehearsal.twin;

import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link TwinSpec} under a {@link Scenario}: one replication, or many in parallel on a
 * fixed-size pool. Results depend only on (spec, scenario, config, seed, replication), never on the
 * number of threads or their scheduling.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(spec, scenario, SimulationConfig.of(600).withWarmup(60), 42);
 * List<RunResult> runs = sim.runReplications(20, 2);
 * }</pre>
 */
public final class Simulation {
  private final Engine engine;
  private final Scenario scenario;
  private final SimulationConfig config;
  private final long seed;

  /**
   * Prepares a simulation.
   *
   * @throws io.rehearsal.twin.spec.InvalidSpecException if the scenario names unknown targets
   */
  public Simulation(TwinSpec spec, Scenario scenario, SimulationConfig config, long seed) {
    scenario.validateAgainst(spec);
    this.engine = new Engine(spec);
    this.scenario = scenario;
    this.config = config;
    this.seed = seed;
  }

  /** Runs replication {@code replication}. */
  public RunResult run(int replication) {
    return engine.run(scenario, config, seed, replication);
  }

  /** Runs replications 0..n-1 on {@code threads} threads; results in replication order. */
  public List<RunResult> runReplications(int n, int threads) {
    return runAll(n, threads, this::run);
  }

  static <T> List<T> runAll(int n, int threads, java.util.function.IntFunction<T> task) {
    if (n < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "replications and threads must be >= 1, but were " + n + ", " + threads);
    }
    if (threads == 1) {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int replication = i;
        futures.add(pool.submit(() -> task.apply(replication)));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running replications", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a replication failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
