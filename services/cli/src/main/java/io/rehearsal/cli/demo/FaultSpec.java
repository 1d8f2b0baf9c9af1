package io.rehearsal.cli.demo;

import java.util.Locale;
import java.util.Set;

/**
 * The fault the demo injects: {@code KIND:SERVICE:MAGNITUDE}, set on every replica of the service
 * through its {@code POST /admin/fault} switch.
 *
 * @param kind latency (added ms), error (rate 0..1) or fewer-workers (workers per replica)
 * @param service a shop service, e.g. catalog
 * @param magnitude the switch's value
 */
record FaultSpec(String kind, String service, double magnitude) {

  private static final Set<String> KINDS = Set.of("latency", "error", "fewer-workers");

  FaultSpec {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "fault kind must be one of " + KINDS + ", but was '" + kind + "'");
    }
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("fault service must not be blank");
    }
    boolean valid =
        switch (kind) {
          case "error" -> magnitude > 0 && magnitude <= 1;
          default -> magnitude >= 1 && Double.isFinite(magnitude);
        };
    if (!valid) {
      throw new IllegalArgumentException(
          "fault magnitude out of range for " + kind + ", but was " + magnitude);
    }
  }

  /** Parses {@code latency:catalog:400}. */
  static FaultSpec parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "--fault must be KIND:SERVICE:MAGNITUDE (e.g. latency:catalog:400), but was '"
              + text
              + "'");
    }
    try {
      return new FaultSpec(parts[0], parts[1], Double.parseDouble(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--fault magnitude must be a number, but was '" + parts[2] + "' in '" + text + "'", e);
    }
  }

  /** The body of {@code POST /admin/fault}. */
  String switchJson() {
    return switch (kind) {
      case "latency" -> "{\"kind\":\"latency\",\"addedMs\":" + (long) magnitude + "}";
      case "error" -> "{\"kind\":\"error\",\"rate\":" + magnitude + "}";
      default -> "{\"kind\":\"workers\",\"workers\":" + (long) magnitude + "}";
    };
  }

  @Override
  public String toString() {
    String value =
        switch (kind) {
          case "latency" -> "+" + (long) magnitude + " ms";
          case "error" -> String.format(Locale.ROOT, "%.0f %% errors", magnitude * 100);
          default -> (long) magnitude + " workers per replica";
        };
    return kind + " on " + service + " (" + value + ")";
  }
}
