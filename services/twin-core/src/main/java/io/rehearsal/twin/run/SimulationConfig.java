package io.rehearsal.twin.run;

/**
 * How long one run lasts and how it is measured.
 *
 * @param duration simulated seconds
 * @param warmup seconds at the start excluded from totals (time series still include them)
 * @param bucket width in seconds of the time buckets of the time series
 * @param keepBucketHistograms keep a latency histogram per endpoint per bucket (memory heavy)
 */
public record SimulationConfig(
    double duration, double warmup, double bucket, boolean keepBucketHistograms) {
  /** Validates the configuration. */
  public SimulationConfig {
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("duration must be > 0, but was " + duration);
    }
    if (!(warmup >= 0 && warmup < duration)) {
      throw new IllegalArgumentException("warmup must be in [0, duration), but was " + warmup);
    }
    if (!(bucket > 0) || duration / bucket > 1_000_000) {
      throw new IllegalArgumentException(
          "bucket must be > 0 and give <= 1e6 buckets, but was " + bucket);
    }
  }

  /** A run of {@code duration} seconds, no warm-up, 10-second buckets. */
  public static SimulationConfig of(double duration) {
    return new SimulationConfig(duration, 0, Math.max(10, duration / 1000), false);
  }

  /** This configuration with a warm-up period. */
  public SimulationConfig withWarmup(double seconds) {
    return new SimulationConfig(duration, seconds, bucket, keepBucketHistograms);
  }

  /** This configuration with another bucket width. */
  public SimulationConfig withBucket(double seconds) {
    return new SimulationConfig(duration, warmup, seconds, keepBucketHistograms);
  }

  /** Measured seconds (duration minus warm-up). */
  public double measured() {
    return duration - warmup;
  }

  /** Number of time buckets. */
  public int buckets() {
    return (int) Math.ceil(duration / bucket);
  }
}
