package io.rehearsal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders input values as CEL literals, for explanations. */
final class Literals {

  private Literals() {}

  static String of(Object value) {
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (value instanceof Duration d) {
      return "duration(\"" + d.toSeconds() + "s\")";
    }
    if (value instanceof Instant i) {
      return "timestamp(\"" + i + "\")";
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(Literals::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .map(e -> of(e.getKey()) + ": " + of(e.getValue()))
          .sorted()
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }
}
