package io.rehearsal.cli.twin;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.ReadSummary;
import io.rehearsal.otlp.TelemetryFiles;
import io.rehearsal.otlp.TelemetrySink;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads recorded OTLP JSON lines into memory: one file, or a directory of them such as the
 * detector's rolling recording ({@code ~/.rehearsal/telemetry}: {@code otlp-<time>.jsonl.gz}
 * segments and the open {@code .jsonl} one), taken in name order. Bad lines — e.g. the line being
 * written at the moment of reading — are skipped and counted.
 */
final class Recordings {

  /** A segment written this long before the cut-off may still hold traces after it. */
  private static final Duration SLACK = Duration.ofMinutes(1);

  private Recordings() {}

  /**
   * Reads {@code from} (a file or a directory); with {@code lastSeconds} > 0 only the traces whose
   * root started in the last {@code lastSeconds} before the latest root's start are kept.
   */
  static Recording read(Path from, double lastSeconds, PrintWriter err) {
    if (!Files.isReadable(from)) {
      throw new CommandFailure(from + " does not exist or cannot be read");
    }
    List<Path> files = Files.isDirectory(from) ? files(from, lastSeconds) : List.of(from);
    if (files.isEmpty()) {
      throw new CommandFailure(from + " holds no OTLP JSON-lines file (*.jsonl, *.jsonl.gz)");
    }
    Recording.Builder builder = Recording.builder();
    for (Path file : files) {
      readInto(file, builder, err);
    }
    Recording recording = builder.build();
    if (lastSeconds <= 0) {
      return recording;
    }
    long cut = recording.lastRootStartNanos() - Math.round(lastSeconds * 1e9);
    return recording.slice(cut, Long.MAX_VALUE);
  }

  /**
   * The JSON-lines files of a directory in name order; with {@code lastSeconds} > 0 without those
   * last written well before the newest file's last write minus {@code lastSeconds}.
   */
  static List<Path> files(Path dir, double lastSeconds) {
    try (Stream<Path> listing = Files.list(dir)) {
      List<Path> all = listing.filter(Recordings::isJsonLines).sorted().toList();
      // A segment being gzipped exists for a moment both ways: read it once, from the gzip.
      List<Path> files =
          all.stream()
              .filter(p -> !all.contains(p.resolveSibling(p.getFileName() + ".gz")))
              .toList();
      if (lastSeconds <= 0 || files.isEmpty()) {
        return files;
      }
      FileTime newest = files.stream().map(Recordings::modified).max(FileTime::compareTo).get();
      long cutMillis = newest.toMillis() - Math.round(lastSeconds * 1000) - SLACK.toMillis();
      return files.stream().filter(f -> modified(f).toMillis() >= cutMillis).toList();
    } catch (IOException e) {
      throw new CommandFailure("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void readInto(Path file, Recording.Builder builder, PrintWriter err) {
    TelemetrySink sink = TelemetrySink.into(builder);
    try {
      ReadSummary summary =
          TelemetryFiles.read(file, JsonLinesOptions.defaults().skippingBadLines(), sink);
      if (summary.badLines() > 0 || summary.rejectedSpans() > 0) {
        err.printf(
            "%s: skipped %d bad lines and %d invalid spans%n",
            file, summary.badLines(), summary.rejectedSpans());
        err.flush();
      }
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isJsonLines(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
