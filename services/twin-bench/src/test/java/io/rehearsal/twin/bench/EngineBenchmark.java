package io.rehearsal.twin.bench;

import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one replication of the shop (60 simulated seconds) with the full engine, the same on the
 * shop scaled to 1,000 requests per second, and the lean network of queues on the shop. The
 * auxiliary counters turn runs per second into simulated requests and events per second. Run with
 * {@code ./mvnw -pl services/twin -Pbench -DskipTests verify} (all benchmarks) or add {@code
 * -Djmh.args="-f 1 EngineBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
  private static final double SECONDS = 60;

  /** 1: the shop as written; 1000: scaled to 1,000 requests per second. */
  @Param({"1", "1000"})
  public int rate;

  private Simulation simulation;
  private LeanNetwork lean;
  private int replication;

  /** Simulated work done, summed over the iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    /** Entry requests simulated. */
    public long requests;

    /** Events processed. */
    public long events;

    /** Clears the counters before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      requests = 0;
      events = 0;
    }
  }

  /** Loads (and scales) the shop. */
  @Setup
  public void setUp() {
    TwinSpec shop = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));
    TwinSpec spec =
        rate == 1
            ? shop
            : SpecScaling.scale(shop, rate / (SpecScaling.meanRequestRate(shop) * 1.04));
    simulation = new Simulation(spec, Scenario.NONE, SimulationConfig.of(SECONDS), 1);
    lean = new LeanNetwork(spec);
  }

  /** One engine replication. */
  @Benchmark
  public RunResult engine(Work work) {
    RunResult r = simulation.run(replication++);
    work.requests += Math.round(r.arrivalRate() * SECONDS);
    work.events += r.events();
    return r;
  }

  /** One lean run of the same length. */
  @Benchmark
  public LeanNetwork.LeanRun lean(Work work) {
    LeanNetwork.LeanRun r = lean.run(SECONDS, replication++);
    work.requests += r.requests();
    work.events += r.events();
    return r;
  }
}
