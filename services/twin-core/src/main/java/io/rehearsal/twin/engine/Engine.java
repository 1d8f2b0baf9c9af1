package io.rehearsal.twin.engine;

import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;

/**
 * The discrete-event engine: compiles a {@link TwinSpec} once and runs independent replications of
 * it. Thread-safe: each {@link #run} builds its own state, so replications may run in parallel.
 */
public final class Engine {
  private final Model model;

  /** Compiles a validated spec. */
  public Engine(TwinSpec spec) {
    this.model = new Model(spec);
  }

  /**
   * Runs one replication.
   *
   * @param scenario faults and remediations (validated against the spec by the caller)
   * @param config run length and measurement
   * @param seed master seed
   * @param replication replication index; with the seed it determines every random stream
   */
  public RunResult run(Scenario scenario, SimulationConfig config, long seed, int replication) {
    return new Sim(model, scenario, config, seed, replication).run();
  }
}
