package io.rehearsal.ml.detect;

/**
 * The name CAD OSE gives a sorted set of facts: the tuple hash of CPython 2.7 on a 64-bit machine
 * (an int hashes to itself). The reference keys semi-contexts by this hash and breaks ties between
 * equally often active contexts with it, so using the same function keeps this port's choice of
 * active contexts identical to the reference's.
 */
final class FactHash {

  private FactHash() {}

  static long of(long[] facts) {
    return of(facts, facts.length);
  }

  /** The name of the first {@code length} facts. */
  static long of(long[] facts, int length) {
    long x = 0x345678L;
    long mult = 1_000_003L;
    for (int k = 0; k < length; k++) {
      long y = facts[k] == -1 ? -2 : facts[k];
      x = (x ^ y) * mult;
      mult += 82_520L + 2L * (length - 1 - k);
    }
    x += 97_531L;
    return x == -1 ? -2 : x;
  }

  /**
   * The name of the facts at the positions set in {@code positions} (bit {@code k}: {@code
   * facts[k]}), in the array's order: the subset without copying it out.
   */
  static long ofSubset(long[] facts, long positions) {
    int length = Long.bitCount(positions);
    long x = 0x345678L;
    long mult = 1_000_003L;
    int k = 0;
    for (long rest = positions; rest != 0; rest &= rest - 1, k++) {
      long f = facts[Long.numberOfTrailingZeros(rest)];
      long y = f == -1 ? -2 : f;
      x = (x ^ y) * mult;
      mult += 82_520L + 2L * (length - 1 - k);
    }
    x += 97_531L;
    return x == -1 ? -2 : x;
  }
}
