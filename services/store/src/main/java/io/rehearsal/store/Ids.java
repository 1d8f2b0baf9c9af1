package io.rehearsal.store;

import java.util.regex.Pattern;

/** Validation of caller-given ids and tokens, which become parts of Redis keys. */
public final class Ids {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}");
  private static final Pattern NOT_IN_KEYS = Pattern.compile("[^A-Za-z0-9._:@/-]");

  private Ids() {}

  /**
   * Returns {@code value} if it is 1 to 200 characters of letters, digits and {@code . _ : @ / -},
   * not starting with punctuation; throws {@link IllegalArgumentException} naming {@code what}.
   */
  static String require(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be 1-200 characters of letters, digits and . _ : @ / - (starting with a"
              + " letter or digit), but was "
              + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  /**
   * {@code name} as a part of an id: every character outside letters, digits and {@code . _ : @ /
   * -} replaced by {@code _}, and {@code _} for an empty name (e.g. a target's name in a scope).
   */
  public static String keyPart(String name) {
    String cleaned = NOT_IN_KEYS.matcher(name).replaceAll("_");
    return cleaned.isEmpty() ? "_" : cleaned;
  }
}
