package io.rehearsal.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** How a double becomes a JSON number: JSON has no NaN or infinity, so those are null. */
final class Numbers {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Integral values below this magnitude print without a fraction in {@link #compact}. */
  private static final double EXACT_LONG = 1e15;

  private Numbers() {}

  /** The value as Jackson prints a double ({@code 600.0}), or null when not finite. */
  static JsonNode finite(double value) {
    return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
  }

  /**
   * The value with integral values as integers ({@code 600}, not {@code 600.0}), others as Jackson
   * prints a double, null when not finite: the number format of {@code twin simulate --json}.
   */
  static JsonNode compact(double value) {
    if (!Double.isFinite(value)) {
      return NODES.nullNode();
    }
    return value == Math.rint(value) && Math.abs(value) < EXACT_LONG
        ? NODES.numberNode((long) value)
        : NODES.numberNode(value);
  }
}
