package io.rehearsal.shop.record;

/**
 * Keeps a consistent share of traces: a trace is kept when the random part of its id (the rightmost
 * 56 bits, random under W3C Trace Context level 2 and in every OpenTelemetry SDK), read as a
 * fraction of 2^56, is below the ratio. The same trace id is kept or dropped in every recording,
 * every process and every run, so a sampled trace is always whole, and the kept share of a large
 * recording is the ratio.
 */
public final class TraceSampling {
  private static final double TWO_TO_56 = 0x1p56;

  private TraceSampling() {}

  /**
   * Whether to keep the trace with this id (32 hex digits).
   *
   * @param ratio share of traces to keep, in [0, 1]; 1 keeps all
   * @throws IllegalArgumentException if the ratio is out of range or the id is not 32 hex digits
   */
  public static boolean keep(String traceIdHex, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be in [0, 1], but was " + ratio);
    }
    if (traceIdHex.length() != 32) {
      throw new IllegalArgumentException("trace id must be 32 hex digits, but was " + traceIdHex);
    }
    if (ratio == 1) {
      return true;
    }
    long random = Long.parseUnsignedLong(traceIdHex.substring(18), 16);
    return random < (long) (ratio * TWO_TO_56);
  }
}
