package io.rehearsal.store;

/** Ordering of Redis stream ids ({@code millis-sequence}). */
final class StreamIds {

  private StreamIds() {}

  /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}. */
  static int compare(String a, String b) {
    long[] x = parse(a);
    long[] y = parse(b);
    int byTime = Long.compareUnsigned(x[0], y[0]);
    return byTime != 0 ? byTime : Long.compareUnsigned(x[1], y[1]);
  }

  private static long[] parse(String id) {
    int dash = id.indexOf('-');
    if (dash < 0) {
      return new long[] {Long.parseUnsignedLong(id), 0};
    }
    return new long[] {
      Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1))
    };
  }
}
