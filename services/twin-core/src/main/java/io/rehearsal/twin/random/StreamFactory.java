package io.rehearsal.twin.random;

import java.nio.charset.StandardCharsets;

/**
 * Hands out independent named random streams for one replication.
 *
 * <p>The seed of a stream is a fixed function of (master seed, replication, source name): {@code
 * mix(mix(master) ^ mix(replication + 1) * 3 ^ mix(fnv1a64(utf8(name))))} where {@code mix} is the
 * SplitMix64 finaliser and {@code fnv1a64} the 64-bit FNV-1a hash. Because nothing else enters the
 * seed, a baseline run and every candidate run of the same replication draw the same arrivals and
 * service times from the same sources (common random numbers), whatever else the candidates change.
 */
public final class StreamFactory {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private final long masterSeed;
  private final int replication;

  /**
   * Creates the factory of one replication.
   *
   * @param masterSeed the experiment's seed
   * @param replication the replication index, zero or more
   */
  public StreamFactory(long masterSeed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0, but was " + replication);
    }
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  /** Returns a fresh stream for the named source; equal names give equal sequences. */
  public RandomStream stream(String sourceName) {
    return new RandomStream(seedOf(masterSeed, replication, sourceName));
  }

  /** The seed of the stream named {@code sourceName} in a replication; see the class comment. */
  public static long seedOf(long masterSeed, int replication, String sourceName) {
    long m = SplitMix64.mix(masterSeed);
    long r = SplitMix64.mix(replication + 1L) * 3;
    long n = SplitMix64.mix(fnv1a64(sourceName));
    return SplitMix64.mix(m ^ r ^ n);
  }

  /** The 64-bit FNV-1a hash of the UTF-8 bytes of {@code text}. */
  public static long fnv1a64(String text) {
    long hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return hash;
  }
}
