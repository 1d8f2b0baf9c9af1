package io.rehearsal.twin.random;

/**
 * One named source of pseudo-random numbers (xoroshiro128++, seeded through SplitMix64).
 *
 * <p>The algorithm is fixed and implemented here, and all transcendental functions go through
 * {@link StrictMath}, so a stream yields the same sequence on every JVM and machine. A stream is
 * not thread-safe: each simulation run owns its streams.
 */
public final class RandomStream {
  private static final double DOUBLE_UNIT = 0x1.0p-53;
  private long s0;
  private long s1;

  /**
   * Creates a stream from a 64-bit seed.
   *
   * @param seed any value; equal seeds give equal sequences
   */
  public RandomStream(long seed) {
    long z = seed;
    z += SplitMix64.GOLDEN_GAMMA;
    s0 = SplitMix64.mix(z);
    z += SplitMix64.GOLDEN_GAMMA;
    s1 = SplitMix64.mix(z);
    if ((s0 | s1) == 0) {
      s1 = SplitMix64.GOLDEN_GAMMA;
    }
  }

  /** Returns the next 64 uniformly distributed bits. */
  public long nextLong() {
    long a = s0;
    long b = s1;
    long result = Long.rotateLeft(a + b, 17) + a;
    b ^= a;
    s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
    s1 = Long.rotateLeft(b, 28);
    return result;
  }

  /** Returns a uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Returns a uniform double in (0, 1], safe as the argument of a logarithm. */
  public double nextOpenDouble() {
    return 1.0 - nextDouble();
  }

  /** Returns a uniform int in [0, bound); {@code bound} must be positive. */
  public int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) * bound >>> 31);
  }

  /** Returns true with probability {@code p}. */
  public boolean nextBoolean(double p) {
    return nextDouble() < p;
  }

  /** Returns an exponential variate with the given mean. */
  public double nextExponential(double mean) {
    return -mean * StrictMath.log(nextOpenDouble());
  }

  /** Returns a standard normal variate (Box-Muller, two uniforms per variate, no cached spare). */
  public double nextGaussian() {
    double r = StrictMath.sqrt(-2.0 * StrictMath.log(nextOpenDouble()));
    return r * StrictMath.cos(2.0 * StrictMath.PI * nextDouble());
  }

  /**
   * Returns a gamma variate with the given shape and scale (Marsaglia and Tsang, with the boost for
   * shape below one).
   */
  public double nextGamma(double shape, double scale) {
    if (shape < 1.0) {
      double u = nextOpenDouble();
      return nextGamma(shape + 1.0, scale) * StrictMath.pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    while (true) {
      double x = nextGaussian();
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = nextOpenDouble();
      if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return d * v * scale;
      }
    }
  }
}
