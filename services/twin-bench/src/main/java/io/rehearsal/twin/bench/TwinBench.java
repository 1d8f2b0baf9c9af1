package io.rehearsal.twin.bench;

import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The twin benchmark, on the calling thread (one core), in two phases, each warmed up and then
 * measured for a wall-clock time —
 *
 * <ol>
 *   <li>the full engine on the spec (the shop), requests and events per second, in alternation with
 *       the {@link LeanNetwork} on the same spec: the practical limit of a request-level simulator
 *       with the same station visits per request;
 *   <li>the full engine on the spec scaled ({@link SpecScaling}) to the target request rate:
 *       simulated seconds per wall second.
 * </ol>
 *
 * <p>Runs are ordinary replications (replication i of a phase is replication i of the seed), so
 * what is measured is exactly what {@code Simulation.run} does, result building included.
 */
public final class TwinBench {
  /** Target for the engine's speed relative to the lean simulator. */
  public static final double TARGET_ENGINE_VS_LEAN = 0.3;

  /** Target for simulated seconds per wall second at the target rate. */
  public static final double TARGET_SIM_SPEEDUP = 300;

  private final TwinSpec spec;
  private final BenchConfig config;
  private final Meter meter;

  /**
   * Prepares a benchmark.
   *
   * @param spec the system to simulate (the shop)
   * @param config how long to warm up, measure and simulate per run
   * @param meter the wall clock and allocation counter to measure with
   */
  public TwinBench(TwinSpec spec, BenchConfig config, Meter meter) {
    this.spec = spec;
    this.config = config;
    this.meter = meter;
  }

  /** The reference shop ({@code examples/shop.yaml}), as packaged in this library's jar. */
  public static TwinSpec referenceShop() {
    String name = "/io/rehearsal/twin/examples/shop.yaml";
    try (InputStream in = TwinBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return TwinSpecs.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * Runs the phases; {@code progress} hears the name of each as it starts. The engine and the lean
   * simulator on the spec are measured in alternation, so that their ratio is fair on a shared
   * machine.
   */
  public BenchResult run(Consumer<String> progress) {
    Phase phase = new Phase(meter);
    LeanNetwork lean = new LeanNetwork(spec);
    progress.accept("engine and lean network of queues on " + spec.name() + ", alternating");
    Phase.Totals[] both =
        phase.measure(
            config.warmupSeconds(), config.measureSeconds(), engineRun(spec), leanRun(lean));
    Phase.Totals engine = both[0];
    double rate = engine.requests() / engine.simulatedSeconds();
    double factor = config.targetRate() / rate;
    progress.accept(String.format("engine on %s scaled x%.3f", spec.name(), factor));
    Phase.Totals scaled =
        phase.measure(
            config.warmupSeconds(),
            config.measureSeconds(),
            engineRun(SpecScaling.scale(spec, factor)));
    return result(engine, both[1], lean, scaled, factor);
  }

  private IntFunction<Phase.Work> engineRun(TwinSpec twin) {
    Simulation simulation =
        new Simulation(
            twin, Scenario.NONE, SimulationConfig.of(config.runSeconds()), config.seed());
    return i -> {
      RunResult r = simulation.run(i);
      double measured = r.config().measured();
      return new Phase.Work(r.arrivalRate() * measured, r.events(), measured, 0);
    };
  }

  private IntFunction<Phase.Work> leanRun(LeanNetwork lean) {
    return i -> {
      LeanNetwork.LeanRun r = lean.run(config.runSeconds(), config.seed() + i);
      return new Phase.Work(r.requests(), r.events(), config.runSeconds(), r.visits());
    };
  }

  private BenchResult result(
      Phase.Totals engine,
      Phase.Totals lean,
      LeanNetwork network,
      Phase.Totals scaled,
      double factor) {
    double rps = engine.perWallSecond(engine.requests());
    double leanRps = lean.perWallSecond(lean.requests());
    double ratio = leanRps > 0 ? rps / leanRps : 0;
    double speedup = scaled.perWallSecond(scaled.simulatedSeconds());
    return new BenchResult(
        rps,
        leanRps,
        ratio,
        speedup,
        engine.perWallSecond(engine.events()),
        lean.perWallSecond(lean.events()),
        perEvent(engine),
        perEvent(scaled),
        engine.requests() > 0 ? engine.events() / engine.requests() : 0,
        lean.requests() > 0 ? lean.visits() / lean.requests() : 0,
        network.expectedVisitsPerRequest(),
        factor,
        scaled.requests() / scaled.simulatedSeconds(),
        scaled.perWallSecond(scaled.events()),
        engine.runs(),
        lean.runs(),
        scaled.runs(),
        config.runSeconds(),
        config.warmupSeconds(),
        config.measureSeconds(),
        TARGET_ENGINE_VS_LEAN,
        TARGET_SIM_SPEEDUP,
        ratio >= TARGET_ENGINE_VS_LEAN && speedup >= TARGET_SIM_SPEEDUP);
  }

  private static double perEvent(Phase.Totals t) {
    return t.allocatedBytes() < 0 || t.events() == 0
        ? -1
        : (double) t.allocatedBytes() / t.events();
  }
}
