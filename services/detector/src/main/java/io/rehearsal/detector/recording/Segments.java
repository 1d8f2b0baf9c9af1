package io.rehearsal.detector.recording;

import io.rehearsal.otlp.SegmentNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The segment files of a recording directory, named as {@link SegmentNames} says: {@code otlp-<UTC
 * time opened>-<n>.jsonl} while written, {@code .jsonl.gz} once closed. Names sort by time, so
 * {@link io.rehearsal.otlp.Recordings} reads the directory in name order.
 */
final class Segments {

  private final Path dir;

  /** Never reused while the process lives, so a later segment never sorts before an earlier one. */
  private long sequence;

  Segments(Path dir) {
    this.dir = dir;
  }

  /** A new, not yet existing plain segment named after {@code opened}. */
  Path next(Instant opened) {
    while (true) {
      Path candidate = dir.resolve(SegmentNames.segment(opened, sequence++));
      if (!Files.exists(candidate) && !Files.exists(SegmentNames.gzipped(candidate))) {
        return candidate;
      }
    }
  }

  /** Every segment, plain or gzipped, in name (time) order. */
  List<Path> list() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(SegmentNames::isSegment).sorted().toList();
    }
  }

  /** Gzips a closed plain segment into {@code .jsonl.gz} (atomically) and deletes the plain one. */
  Path compress(Path plain) throws IOException {
    Path target = SegmentNames.gzipped(plain);
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
}
