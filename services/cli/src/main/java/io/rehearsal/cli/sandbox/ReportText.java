package io.rehearsal.cli.sandbox;

import java.util.Locale;

/**
 * Number formatting of the sandbox verbs' own tables ({@code sandbox bench}). The report of {@code
 * sandbox evaluate} is rendered by the report module ({@code io.rehearsal.report.text}).
 */
final class ReportText {
  private ReportText() {}

  /** {@link String#format} with {@link Locale#ROOT}, so the bytes do not depend on the locale. */
  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
