package io.rehearsal.twin.random;

/** The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
final class SplitMix64 {
  static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private SplitMix64() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
