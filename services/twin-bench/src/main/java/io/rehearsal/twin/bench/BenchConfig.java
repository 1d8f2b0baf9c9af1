package io.rehearsal.twin.bench;

/**
 * How long the benchmark runs.
 *
 * @param warmupSeconds wall seconds of warm-up (JIT compilation) before each measured phase
 * @param measureSeconds wall seconds measured per phase (at least one run is always measured)
 * @param runSeconds simulated seconds of each engine or lean run
 * @param targetRate request rate, per second, that the shop is scaled to for {@code
 *     sim_speedup_1000rps}
 * @param seed master seed of the runs (replication i of a phase uses replication index i)
 */
public record BenchConfig(
    double warmupSeconds, double measureSeconds, double runSeconds, double targetRate, long seed) {
  /** The defaults of {@code rehearsal twin bench}: 5 s warm-up and 10 s measurement per phase. */
  public static final BenchConfig DEFAULT = new BenchConfig(5, 10, 600, 1000, 1);

  /** Validates the values. */
  public BenchConfig {
    if (!(warmupSeconds >= 0)) {
      throw new IllegalArgumentException("warmupSeconds must be >= 0, but was " + warmupSeconds);
    }
    if (!(measureSeconds >= 0)) {
      throw new IllegalArgumentException("measureSeconds must be >= 0, but was " + measureSeconds);
    }
    if (!(runSeconds > 0 && runSeconds <= 3600)) {
      throw new IllegalArgumentException("runSeconds must be in (0, 3600], but was " + runSeconds);
    }
    if (!(targetRate > 0) || Double.isInfinite(targetRate)) {
      throw new IllegalArgumentException("targetRate must be > 0, but was " + targetRate);
    }
  }

  /** This configuration with other warm-up and measurement times. */
  public BenchConfig withTimes(double warmup, double measure) {
    return new BenchConfig(warmup, measure, runSeconds, targetRate, seed);
  }

  /** This configuration with another simulated length per run. */
  public BenchConfig withRunSeconds(double seconds) {
    return new BenchConfig(warmupSeconds, measureSeconds, seconds, targetRate, seed);
  }
}
