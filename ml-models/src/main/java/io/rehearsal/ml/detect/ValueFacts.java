package io.rehearsal.ml.detect;

/**
 * How CAD OSE turns a value into facts: the value's level (its offset from the range's minimum in
 * steps of a seventh of the range, truncated) written in binary with at least three digits; digit
 * {@code d} with bit {@code b} is fact {@code 65536 + 2d + b}. Neighbouring levels share most
 * facts.
 */
final class ValueFacts {

  static final long BASE = 65_536L;
  static final int BITS = 3;

  private ValueFacts() {}

  /** A fact only levels below 0 have (values under the learned minimum); the reference has none. */
  static final long NEGATIVE = BASE + 62;

  /**
   * The facts of a level, sorted. Levels above the top one simply have more digits, as in the
   * reference; a level below 0 (never met when the range is known) has its magnitude's facts and
   * {@link #NEGATIVE}.
   */
  static long[] of(int level) {
    long[] facts = new long[MAX_FACTS];
    return java.util.Arrays.copyOf(facts, write(level, facts));
  }

  /** Most facts a level has: 30 digits and {@link #NEGATIVE}. */
  static final int MAX_FACTS = 31;

  /**
   * Writes the facts of a level, sorted, at the start of {@code into} (at least {@link #MAX_FACTS}
   * long), as {@link #of} returns them.
   *
   * @return how many facts were written
   */
  static int write(int level, long[] into) {
    int magnitude = Math.min(Math.abs(level), (1 << 30) - 1);
    int digits = Math.max(BITS, 32 - Integer.numberOfLeadingZeros(magnitude));
    for (int d = 0; d < digits; d++) {
      into[d] = BASE + 2L * d + ((magnitude >>> d) & 1);
    }
    if (level < 0) {
      into[digits] = NEGATIVE;
      return digits + 1;
    }
    return digits;
  }

  /** Value facts as a bit set: bit {@code f - 65536} for each of the first {@code n} facts. */
  static long mask(long[] valueFacts, int n) {
    long m = 0;
    for (int k = 0; k < n; k++) {
      m |= 1L << (valueFacts[k] - BASE);
    }
    return m;
  }

  /** Value facts as a bit set: bit {@code f - 65536} for each fact {@code f}. */
  static long mask(long[] valueFacts) {
    long m = 0;
    for (long f : valueFacts) {
      m |= 1L << (f - BASE);
    }
    return m;
  }
}
