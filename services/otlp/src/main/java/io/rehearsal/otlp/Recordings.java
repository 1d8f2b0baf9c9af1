package io.rehearsal.otlp;

import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a recording of OTLP telemetry into memory: one Collector JSON-lines file (plain or gzip),
 * or a directory of them such as the detector's rolling recording, whose files are taken in name
 * ({@link SegmentNames time}) order.
 *
 * <pre>{@code
 * Recording all = Recordings.read(Path.of("baseline.otlp.jsonl.gz"), RecordingOptions.defaults());
 * Recording recent =
 *     Recordings.read(Path.of("~/.rehearsal/telemetry"), RecordingOptions.defaults().last(600));
 * }</pre>
 *
 * <p>Every failure is an {@link IOException} whose message names the file: {@code "<file> does not
 * exist or cannot be read"}, {@code "cannot read <file>: <reason>"}, or, for a bad line when bad
 * lines are not skipped, an {@link OtlpFileException} {@code "<file>:<line>: <reason>"}.
 */
public final class Recordings {

  /** A file last written this long before the cut-off may still hold traces after it. */
  private static final Duration SLACK = Duration.ofMinutes(1);

  private Recordings() {}

  /**
   * Reads {@code from}, a JSON-lines file or a directory of them, keeping what {@code options}
   * keep.
   *
   * @throws IOException naming the file (and line) that could not be read
   */
  public static Recording read(Path from, RecordingOptions options) throws IOException {
    if (!Files.isReadable(from)) {
      throw new IOException(from + " does not exist or cannot be read");
    }
    List<Path> files = Files.isDirectory(from) ? files(from, options.lastSeconds()) : List.of(from);
    if (files.isEmpty()) {
      throw new IOException(from + " holds no OTLP JSON-lines file (*.jsonl, *.jsonl.gz)");
    }
    Recording.Builder builder = Recording.builder();
    for (Path file : files) {
      readInto(file, options, builder);
    }
    return skipped(last(builder.build(), options), options);
  }

  /**
   * The JSON-lines files of a directory in name order, a file there both plain and gzipped (while
   * the detector gzips it) once, as the gzip; with {@code lastSeconds} > 0 without those last
   * written well before the newest file's last write minus {@code lastSeconds}.
   */
  static List<Path> files(Path dir, double lastSeconds) throws IOException {
    List<Path> all;
    try (Stream<Path> listing = Files.list(dir)) {
      all = listing.filter(p -> Files.isRegularFile(p) && SegmentNames.isJsonLines(p)).toList();
    } catch (IOException e) {
      throw new IOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    List<Path> files = all.stream().filter(p -> !beingGzipped(p, all)).sorted().toList();
    return lastSeconds > 0 ? recent(files, lastSeconds) : files;
  }

  /** Whether {@code file} is plain and its gzip is there too, as while the detector gzips it. */
  private static boolean beingGzipped(Path file, List<Path> all) {
    return file.toString().endsWith(SegmentNames.PLAIN) && all.contains(SegmentNames.gzipped(file));
  }

  private static List<Path> recent(List<Path> files, double lastSeconds) throws IOException {
    if (files.isEmpty()) {
      return files;
    }
    long newest = Long.MIN_VALUE;
    for (Path f : files) {
      newest = Math.max(newest, modified(f).toMillis());
    }
    long cutMillis = newest - Math.round(lastSeconds * 1000) - SLACK.toMillis();
    List<Path> kept = new ArrayList<>();
    for (Path f : files) {
      if (modified(f).toMillis() >= cutMillis) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static void readInto(Path file, RecordingOptions options, Recording.Builder builder)
      throws IOException {
    ReadSummary summary;
    try {
      summary = TelemetryFiles.read(file, options.lines(), TelemetrySink.into(builder));
    } catch (OtlpFileException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    options.onFileRead().accept(file, summary);
  }

  private static Recording last(Recording recording, RecordingOptions options) {
    if (options.lastSeconds() <= 0) {
      return recording;
    }
    long cut = recording.lastRootStartNanos() - Math.round(options.lastSeconds() * 1e9);
    return recording.slice(cut, Long.MAX_VALUE);
  }

  private static Recording skipped(Recording recording, RecordingOptions options) {
    if (!options.skips()) {
      return recording;
    }
    long from = recording.firstRootStartNanos() + Math.round(options.skipSeconds() * 1e9);
    return recording.slice(from, Long.MAX_VALUE);
  }

  private static FileTime modified(Path file) throws IOException {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
