package io.rehearsal.detector.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The segment files of a recording directory: {@code otlp-<UTC time opened>-<n>.jsonl} while
 * written, {@code .jsonl.gz} once closed ({@code n} tells apart segments opened in the same
 * millisecond). Names sort by time, so a reader takes them in name order.
 */
final class Segments {

  static final String PREFIX = "otlp-";
  static final String PLAIN = ".jsonl";
  static final String GZIP = ".jsonl.gz";
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;

  /** Never reused while the process lives, so a later segment never sorts before an earlier one. */
  private long sequence;

  Segments(Path dir) {
    this.dir = dir;
  }

  /** A new, not yet existing plain segment named after {@code opened}. */
  Path next(Instant opened) {
    String stem = PREFIX + NAME.format(opened);
    while (true) {
      Path candidate =
          dir.resolve(String.format(Locale.ROOT, "%s-%04d%s", stem, sequence++ % 10_000, PLAIN));
      if (!Files.exists(candidate) && !Files.exists(gzipped(candidate))) {
        return candidate;
      }
    }
  }

  /** Every segment, plain or gzipped, in name (time) order. */
  List<Path> list() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Segments::isSegment).sorted().toList();
    }
  }

  /** Gzips a closed plain segment into {@code .jsonl.gz} (atomically) and deletes the plain one. */
  Path compress(Path plain) throws IOException {
    Path target = gzipped(plain);
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try (InputStream in = Files.newInputStream(plain);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
      in.transferTo(out);
    }
    Files.setLastModifiedTime(partial, Files.getLastModifiedTime(plain));
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    Files.delete(plain);
    return target;
  }

  /**
   * Deletes the oldest segments other than {@code keep} while all together exceed {@code maxBytes}
   * or while their last write is before {@code notBefore}.
   *
   * @return how many were deleted
   */
  int trim(long maxBytes, Instant notBefore, Path keep) throws IOException {
    List<Path> segments = new ArrayList<>(list());
    long total = 0;
    for (Path p : segments) {
      total += Files.size(p);
    }
    int deleted = 0;
    for (Path p : segments) {
      if (p.equals(keep)) {
        continue;
      }
      FileTime modified = Files.getLastModifiedTime(p);
      if (total > maxBytes || modified.toInstant().isBefore(notBefore)) {
        total -= Files.size(p);
        Files.deleteIfExists(p);
        deleted++;
      }
    }
    return deleted;
  }

  static boolean isSegment(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(PREFIX) && (name.endsWith(PLAIN) || name.endsWith(GZIP));
  }

  private static Path gzipped(Path plain) {
    String name = plain.getFileName().toString();
    return plain.resolveSibling(name.substring(0, name.length() - PLAIN.length()) + GZIP);
  }
}
