package io.rehearsal.shop;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} command-line options; a bad or missing option throws at start-up. */
public final class Args {
  private final Map<String, String> values;

  private Args(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code --key value} pairs. */
  public static Args parse(String... argv) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < argv.length; i += 2) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("expected --key value pairs, but got: " + argv[i]);
      }
      values.put(argv[i].substring(2), argv[i + 1]);
    }
    return new Args(values);
  }

  /** A required option. */
  public String required(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing option --" + key);
    }
    return value;
  }

  /** An option with a default (null allowed). */
  public String optional(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  /** A numeric option with a default. */
  public long number(String key, long fallback) {
    String value = values.get(key);
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be an integer, but was " + value, e);
    }
  }

  /** A decimal option with a default. */
  public double decimal(String key, double fallback) {
    String value = values.get(key);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, but was " + value, e);
    }
  }
}
