package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.Recording;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of JSON-lines segments, as the detector's rolling recording leaves it (gzipped closed
 * segments, an open plain one whose last line is being written), reads as the one file it was cut
 * from, and calibrates to the same twin.
 */
class RecordingsTest {
  @TempDir static Path dir;
  private static Path file;
  private static Path segments;

  @BeforeAll
  static void record() throws IOException {
    file = CalibrateFixtures.recording(dir, "steady", 20, 60, 3);
    segments = Files.createDirectories(dir.resolve("telemetry"));
    List<String> lines = lines(file);
    int third = lines.size() / 3;
    gzip(segments.resolve("otlp-20261126T100000.000Z.jsonl.gz"), lines.subList(0, third));
    gzip(segments.resolve("otlp-20261126T100500.000Z.jsonl.gz"), lines.subList(third, 2 * third));
    Path open = segments.resolve("otlp-20261126T101000.000Z.jsonl");
    String tail = String.join("\n", lines.subList(2 * third, lines.size()));
    Files.writeString(open, tail + "\n{\"resourceSpans\":[{\"resource\":{\"attr");
    Files.writeString(segments.resolve("notes.txt"), "not telemetry");
  }

  @Test
  void shouldReadEverySegmentInNameOrderWhenGivenADirectory() {
    StringWriter err = new StringWriter();

    Recording fromDir = Recordings.read(segments, 0, new PrintWriter(err, true));
    Recording fromFile = Recordings.read(file, 0, new PrintWriter(new StringWriter(), true));

    assertThat(fromDir.spans()).isEqualTo(fromFile.spans());
    assertThat(fromDir.metrics()).isEqualTo(fromFile.metrics());
    assertThat(err.toString()).contains("otlp-20261126T101000.000Z.jsonl: skipped 1 bad lines");
  }

  @Test
  void shouldCalibrateTheSameTwinWhenGivenTheDirectoryInsteadOfTheFile() throws IOException {
    Path fromDir = dir.resolve("dir.yaml");
    Path fromFile = dir.resolve("file.yaml");

    CalibrateRun a =
        calibrate("--from", segments.toString(), "--name", "t", "-o", fromDir.toString());
    CalibrateRun b = calibrate("--from", file.toString(), "--name", "t", "-o", fromFile.toString());

    assertThat(a.code).as(a.err.toString()).isZero();
    assertThat(b.code).as(b.err.toString()).isZero();
    assertThat(Files.readString(fromDir)).isEqualTo(Files.readString(fromFile));
  }

  @Test
  void shouldKeepOnlyTheLastTracesWhenLastIsGiven() {
    CalibrateRun run =
        calibrate(
            "--from",
            segments.toString(),
            "--last",
            "20s",
            "-o",
            dir.resolve("last.yaml").toString());

    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.out.toString()).contains("over 20 s");
  }

  @Test
  void shouldLeaveOutSegmentsLastWrittenLongBeforeTheNewestWhenLastIsGiven() throws IOException {
    Path old = dir.resolve("aged");
    Files.createDirectories(old);
    Path first = Files.copy(file, old.resolve("otlp-1.jsonl.gz"));
    Path second = Files.copy(file, old.resolve("otlp-2.jsonl.gz"));
    Files.setLastModifiedTime(first, FileTime.fromMillis(1_000_000_000_000L));
    Files.setLastModifiedTime(second, FileTime.fromMillis(1_000_000_000_000L + 3_600_000L));

    assertThat(Recordings.files(old, 600)).containsExactly(second);
    assertThat(Recordings.files(old, 0)).containsExactly(first, second);
  }

  @Test
  void shouldReadASegmentOnceWhenItIsThereBothPlainAndGzipped() throws IOException {
    Path both = Files.createDirectories(dir.resolve("both"));
    Path gz = Files.copy(file, both.resolve("otlp-1.jsonl.gz"));
    Files.write(both.resolve("otlp-1.jsonl"), lines(file));

    assertThat(Recordings.files(both, 0)).containsExactly(gz);
  }

  @Test
  void shouldFailClearlyWhenTheDirectoryHoldsNoRecording() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    CalibrateRun run =
        calibrate("--from", empty.toString(), "-o", dir.resolve("x.yaml").toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("holds no OTLP JSON-lines file");
  }

  @Test
  void shouldBeAUsageErrorWhenLastIsZero() {
    CalibrateRun run =
        calibrate(
            "--from", file.toString(), "--last", "0s", "-o", dir.resolve("x.yaml").toString());

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--last must be a positive duration");
  }

  private static CalibrateRun calibrate(String... args) {
    return new CalibrateRun(new TwinCalibrateCommand(), args);
  }

  private static List<String> lines(Path gz) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return in.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private static void gzip(Path target, List<String> lines) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
