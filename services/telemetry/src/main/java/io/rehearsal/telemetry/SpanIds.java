package io.rehearsal.telemetry;

/** Hex forms of trace and span ids, as W3C trace context and OTLP/JSON write them. */
public final class SpanIds {
  private SpanIds() {}

  /** 32 lower-case hex digits of a 128-bit trace id. */
  public static String traceIdHex(long high, long low) {
    return spanIdHex(high) + spanIdHex(low);
  }

  /** 16 lower-case hex digits of a 64-bit span id. */
  public static String spanIdHex(long id) {
    String digits = Long.toHexString(id);
    return "0".repeat(16 - digits.length()) + digits;
  }

  /**
   * Parses 16 hex digits (either case) into a span id.
   *
   * @throws IllegalArgumentException if {@code hex} is not exactly 16 hex digits
   */
  public static long parseSpanId(String hex) {
    if (hex == null || hex.length() != 16) {
      throw new IllegalArgumentException(
          "span id must be 16 hex digits, but was " + Fields.quoted(hex));
    }
    try {
      return Long.parseUnsignedLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("span id must be 16 hex digits, but was '" + hex + "'", e);
    }
  }
}
