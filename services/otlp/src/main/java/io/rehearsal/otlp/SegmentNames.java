package io.rehearsal.otlp;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How recorded OTLP JSON-lines files are named, defined once for the writer (the detector's rolling
 * recording) and the reader ({@link Recordings}).
 *
 * <p>A JSON-lines file ends in {@code .jsonl}, or {@code .jsonl.gz} when gzipped. The detector
 * names a segment {@code otlp-<UTC time opened>-<n>.jsonl} while it writes it and gzips it to
 * {@code .jsonl.gz} once closed ({@code n} tells apart segments opened in the same millisecond), so
 * segment names sort by time and a reader takes a directory in name order.
 */
public final class SegmentNames {

  /** Every detector segment's name starts with this. */
  public static final String PREFIX = "otlp-";

  /** The extension of a plain JSON-lines file. */
  public static final String PLAIN = ".jsonl";

  /** The extension of a gzipped JSON-lines file. */
  public static final String GZIP = ".jsonl.gz";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SegmentNames() {}

  /**
   * The file name of the plain segment opened at {@code opened}, told apart by {@code sequence}
   * (taken modulo 10,000), e.g. {@code otlp-20261126T100000.000Z-0000.jsonl}.
   */
  public static String segment(Instant opened, long sequence) {
    return String.format(
        Locale.ROOT, "%s%s-%04d%s", PREFIX, TIME.format(opened), sequence % 10_000, PLAIN);
  }

  /** Whether {@code file} is named as a detector segment, plain or gzipped. */
  public static boolean isSegment(Path file) {
    return name(file).startsWith(PREFIX) && isJsonLines(file);
  }

  /** Whether {@code file} is named as a JSON-lines file, plain or gzipped. */
  public static boolean isJsonLines(Path file) {
    String name = name(file);
    return name.endsWith(PLAIN) || name.endsWith(GZIP);
  }

  /**
   * The gzipped name of a plain JSON-lines file: {@code a.jsonl} becomes {@code a.jsonl.gz}.
   *
   * @throws IllegalArgumentException if {@code plain} does not end in {@code .jsonl}
   */
  public static Path gzipped(Path plain) {
    if (!name(plain).endsWith(PLAIN)) {
      throw new IllegalArgumentException("plain must end in " + PLAIN + ", but was " + plain);
    }
    return plain.resolveSibling(name(plain) + ".gz");
  }

  private static String name(Path file) {
    Path name = file.getFileName();
    return name == null ? "" : name.toString();
  }
}
