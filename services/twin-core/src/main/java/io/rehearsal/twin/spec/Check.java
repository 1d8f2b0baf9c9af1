package io.rehearsal.twin.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation helpers for compact constructors: each message names the field and the bad value. */
final class Check {
  private Check() {}

  static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw fail(field, "must not be blank, but was " + quoted(value));
    }
    return value;
  }

  static String simpleName(String field, String value) {
    name(field, value);
    if (value.contains("/")) {
      throw fail(field, "must not contain '/', but was " + quoted(value));
    }
    return value;
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw fail(field, "is required");
    }
    return value;
  }

  static double positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw fail(field, "must be > 0, but was " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw fail(field, "must be >= 0, but was " + value);
    }
    return value;
  }

  static double probability(String field, double value) {
    return range(field, value, 0, 1);
  }

  static double range(String field, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw fail(field, "must be between " + low + " and " + high + ", but was " + value);
    }
    return value;
  }

  static int atLeast(String field, int value, int low) {
    if (value < low) {
      throw fail(field, "must be >= " + low + ", but was " + value);
    }
    return value;
  }

  static double or(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static InvalidSpecException fail(String field, String message) {
    return new InvalidSpecException(field + ": " + message);
  }

  static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
