package io.rehearsal.otlp;

/**
 * How {@link OtlpJsonLines} treats a file.
 *
 * @param skipBadLines false (the default): the first bad line stops reading with an {@link
 *     OtlpFileException} naming file and line; true: bad lines are skipped and reported in {@link
 *     OtlpJsonLines#errors()}
 * @param maxLineChars the longest line taken; longer lines are bad (memory stays bounded by it)
 * @param maxErrorsKept how many bad-line errors are kept when skipping; the rest are only counted
 */
public record JsonLinesOptions(boolean skipBadLines, int maxLineChars, int maxErrorsKept) {

  /** Validates the bounds; messages name the field and the bad value. */
  public JsonLinesOptions {
    if (maxLineChars < 2) {
      throw new IllegalArgumentException("maxLineChars must be >= 2, but was " + maxLineChars);
    }
    if (maxErrorsKept < 0) {
      throw new IllegalArgumentException("maxErrorsKept must be >= 0, but was " + maxErrorsKept);
    }
  }

  /** Stop at the first bad line; lines up to 64 Mi characters; keep 100 errors. */
  public static JsonLinesOptions defaults() {
    return new JsonLinesOptions(false, 64 * 1024 * 1024, 100);
  }

  /** These options, skipping bad lines. */
  public JsonLinesOptions skippingBadLines() {
    return new JsonLinesOptions(true, maxLineChars, maxErrorsKept);
  }

  /** These options with another line bound. */
  public JsonLinesOptions withMaxLineChars(int chars) {
    return new JsonLinesOptions(skipBadLines, chars, maxErrorsKept);
  }
}
