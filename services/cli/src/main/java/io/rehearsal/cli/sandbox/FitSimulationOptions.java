package io.rehearsal.cli.sandbox;

import picocli.CommandLine.Option;

/**
 * The options of the fault fit's simulations that every verb fitting faults shares ({@code sandbox
 * fit-eval}, {@code ml rca-eval}), as one picocli mixin: the seed that makes a fit repeatable, and
 * how many simulations run at once (the result does not depend on it).
 */
public final class FitSimulationOptions {

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "7",
      description = "Seed of the fitting simulations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "Fitting simulations run in parallel (default: ${DEFAULT-VALUE}).")
  int threads;

  /** The seed of the fitting simulations. */
  public long seed() {
    return seed;
  }

  /** How many fitting simulations run in parallel. */
  public int threads() {
    return threads;
  }
}
