package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording reads the same from one file as from the directory of segments the detector's rolling
 * recording leaves (gzipped closed segments, an open plain one whose last line is being written),
 * and {@code last} and {@code skip} cut it by trace.
 */
class RecordingsTest {
  private static final String PARTIAL = "{\"resourceSpans\":[{\"resource\":{\"attr";

  @TempDir static Path dir;
  private static Path file;
  private static Path segments;

  @BeforeAll
  static void record() throws IOException {
    file = RecordingFixtures.write(dir.resolve("steady.otlp.jsonl.gz"), 60);
    segments = Files.createDirectories(dir.resolve("telemetry"));
    List<String> lines = RecordingFixtures.lines(60);
    int third = lines.size() / 3;
    RecordingFixtures.write(
        segments.resolve("otlp-20261126T100000.000Z-0000.jsonl.gz"), lines.subList(0, third));
    RecordingFixtures.write(
        segments.resolve("otlp-20261126T100500.000Z-0000.jsonl.gz"),
        lines.subList(third, 2 * third));
    Path open = segments.resolve("otlp-20261126T101000.000Z-0000.jsonl");
    String tail = String.join("\n", lines.subList(2 * third, lines.size()));
    Files.writeString(open, tail + "\n" + PARTIAL);
    Files.writeString(segments.resolve("notes.txt"), "not telemetry");
  }

  @Test
  void shouldReadEverySegmentInNameOrderWhenGivenADirectory() throws IOException {
    Map<Path, ReadSummary> summaries = new LinkedHashMap<>();

    Recording fromDir =
        Recordings.read(segments, RecordingOptions.defaults().skippingBadLines(summaries::put));
    Recording fromFile = Recordings.read(file, RecordingOptions.defaults());

    assertThat(fromDir.spans()).isEqualTo(fromFile.spans()).hasSize(120);
    assertThat(fromDir.metrics()).isEqualTo(fromFile.metrics()).hasSize(6);
    assertThat(summaries.keySet())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "otlp-20261126T100000.000Z-0000.jsonl.gz",
            "otlp-20261126T100500.000Z-0000.jsonl.gz",
            "otlp-20261126T101000.000Z-0000.jsonl");
    assertThat(summaries.values()).extracting(ReadSummary::badLines).containsExactly(0L, 0L, 1L);
  }

  @Test
  void shouldStopNamingFileAndLineWhenALineIsBadAndBadLinesAreNotSkipped() {
    Path open = segments.resolve("otlp-20261126T101000.000Z-0000.jsonl");
    int lines = RecordingFixtures.lines(60).size() - 2 * (RecordingFixtures.lines(60).size() / 3);

    assertThatThrownBy(() -> Recordings.read(segments, RecordingOptions.defaults()))
        .isInstanceOf(OtlpFileException.class)
        .hasMessageStartingWith(open + ":" + (lines + 1) + ": ");
  }

  @Test
  void shouldKeepOnlyTheTracesOfTheLastSecondsWhenLastIsGiven() throws IOException {
    Recording last = Recordings.read(file, RecordingOptions.defaults().last(20));

    assertThat(roots(last)).hasSize(21).first().isEqualTo(RecordingFixtures.rootStart(39));
    assertThat(last.spans()).hasSize(42);
  }

  @Test
  void shouldDropTheTracesOfTheFirstSecondsWhenSkipIsGiven() throws IOException {
    Recording skipped = Recordings.read(file, RecordingOptions.defaults().skip(20));

    assertThat(roots(skipped)).hasSize(40).first().isEqualTo(RecordingFixtures.rootStart(20));
    assertThat(skipped.metrics())
        .allSatisfy(p -> assertThat(p.timeNanos()).isGreaterThan(RecordingFixtures.rootStart(19)));
  }

  @Test
  void shouldCountTheSkipFromTheFirstKeptTraceWhenLastAndSkipAreGiven() throws IOException {
    Recording both = Recordings.read(file, RecordingOptions.defaults().skip(5).last(20));

    assertThat(roots(both)).hasSize(16).first().isEqualTo(RecordingFixtures.rootStart(44));
  }

  @Test
  void shouldDropTracesWithoutARootWhenSkipIsZero() throws IOException {
    Path orphans = dir.resolve("orphans.otlp.jsonl");
    List<String> lines = RecordingFixtures.lines(3);
    String orphan =
        lines
            .get(0)
            .replace(
                "\"spanId\":\"0000000000000011\",",
                "\"spanId\":\"0000000000000011\",\"parentSpanId\":\"00000000000000ff\",");
    RecordingFixtures.write(orphans, List.of(orphan, lines.get(1), lines.get(2)));

    Recording all = Recordings.read(orphans, RecordingOptions.defaults());
    Recording skipped = Recordings.read(orphans, RecordingOptions.defaults().skip(0));

    assertThat(all.spans()).hasSize(6);
    assertThat(skipped.spans()).hasSize(4);
  }

  @Test
  void shouldLeaveOutFilesLastWrittenLongBeforeTheNewestWhenLastIsGiven() throws IOException {
    Path aged = Files.createDirectories(dir.resolve("aged"));
    Path first = Files.copy(file, aged.resolve("otlp-1.jsonl.gz"));
    Path second = Files.copy(file, aged.resolve("otlp-2.jsonl.gz"));
    Files.setLastModifiedTime(first, FileTime.fromMillis(1_000_000_000_000L));
    Files.setLastModifiedTime(second, FileTime.fromMillis(1_000_000_000_000L + 3_600_000L));

    assertThat(Recordings.files(aged, 600)).containsExactly(second);
    assertThat(Recordings.files(aged, 0)).containsExactly(first, second);
  }

  @Test
  void shouldReadAFileOnceWhenItIsThereBothPlainAndGzipped() throws IOException {
    Path both = Files.createDirectories(dir.resolve("both"));
    Path gz = Files.copy(file, both.resolve("otlp-1.jsonl.gz"));
    RecordingFixtures.write(both.resolve("otlp-1.jsonl"), 60);

    assertThat(Recordings.files(both, 0)).containsExactly(gz);
  }

  @Test
  void shouldFailNamingTheDirectoryWhenItHoldsNoRecording() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> Recordings.read(empty, RecordingOptions.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessage(empty + " holds no OTLP JSON-lines file (*.jsonl, *.jsonl.gz)");
  }

  @Test
  void shouldFailNamingTheFileWhenItDoesNotExist() {
    Path none = dir.resolve("none.jsonl.gz");

    assertThatThrownBy(() -> Recordings.read(none, RecordingOptions.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessage(none + " does not exist or cannot be read");
  }

  @Test
  void shouldFailNamingTheFileWhenTheGzipIsCutShort() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Path cut = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(bytes, 100));

    assertThatThrownBy(
            () -> Recordings.read(cut, RecordingOptions.defaults().skippingBadLines((f, s) -> {})))
        .isInstanceOf(OtlpFileException.class)
        .hasMessageStartingWith(cut + ":");
  }

  private static List<Long> roots(Recording recording) {
    return recording.spans().stream().filter(Span::isRoot).map(Span::startNanos).sorted().toList();
  }
}
