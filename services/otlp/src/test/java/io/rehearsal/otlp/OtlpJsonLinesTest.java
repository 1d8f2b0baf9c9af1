package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpJsonLinesTest {

  static final String TRACE_LINE =
      "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
          + "{\"stringValue\":\"cart\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":"
          + "\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":"
          + "\"GET /cart\",\"kind\":2,\"startTimeUnixNano\":\"1700000000000000000\","
          + "\"endTimeUnixNano\":\"1700000000005000000\"}]}]}]}";

  static final String METRIC_LINE =
      "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
          + "{\"stringValue\":\"cart\"}}]},\"scopeMetrics\":[{\"metrics\":[{\"name\":\"cpu\","
          + "\"gauge\":{\"dataPoints\":[{\"timeUnixNano\":\"1700000000000000000\",\"asDouble\":0.5}]}}]}]}]}";

  static final String LOG_LINE = "{\"resourceLogs\":[]}";

  @TempDir Path dir;

  static Path write(Path file, boolean gzip, String... lines) throws IOException {
    byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file);
        OutputStream body = gzip ? new GZIPOutputStream(out) : out) {
      body.write(text);
    }
    return file;
  }

  private static List<OtlpLine> readAll(OtlpJsonLines lines) throws IOException {
    List<OtlpLine> out = new ArrayList<>();
    for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
      out.add(line.get());
    }
    return out;
  }

  @Test
  void shouldReadTracesAndMetricsWhenFileIsPlain() throws Exception {
    Path file = write(dir.resolve("t.jsonl"), false, TRACE_LINE, LOG_LINE, "", METRIC_LINE);

    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      List<OtlpLine> read = readAll(lines);

      assertThat(read).extracting(OtlpLine::number).containsExactly(1L, 4L);
      assertThat(read.get(0)).isInstanceOf(OtlpLine.Traces.class);
      assertThat(read.get(1)).isInstanceOf(OtlpLine.Metrics.class);
      assertThat(lines.ignoredLines()).isEqualTo(1);
    }
  }

  @Test
  void shouldReadSameRequestsWhenFileIsGzippedWhateverItsName() throws Exception {
    Path plain = write(dir.resolve("a.jsonl"), false, TRACE_LINE, METRIC_LINE);
    Path gzipped = write(dir.resolve("b.data"), true, TRACE_LINE, METRIC_LINE);

    try (OtlpJsonLines a = OtlpJsonLines.open(plain, JsonLinesOptions.defaults());
        OtlpJsonLines b = OtlpJsonLines.open(gzipped, JsonLinesOptions.defaults())) {
      assertThat(readAll(b)).isEqualTo(readAll(a));
    }
  }

  @Test
  void shouldNameFileAndLineWhenLineIsBad() throws Exception {
    Path file =
        write(dir.resolve("bad.jsonl.gz"), true, TRACE_LINE, "{\"resourceSpans\": [", METRIC_LINE);

    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      assertThat(lines.next()).isPresent();
      OtlpFileException error = catchThrowableOfType(OtlpFileException.class, lines::next);

      assertThat(error.getMessage()).startsWith(file + ":2: body is not valid OTLP/JSON");
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.file()).isEqualTo(file);
    }
  }

  @Test
  void shouldSkipBadLinesAndContinueWhenAsked() throws Exception {
    Path file =
        write(
            dir.resolve("skip.jsonl"), false, "not json", TRACE_LINE, "{\"other\":1}", METRIC_LINE);

    try (OtlpJsonLines lines =
        OtlpJsonLines.open(file, JsonLinesOptions.defaults().skippingBadLines())) {
      assertThat(readAll(lines)).extracting(OtlpLine::number).containsExactly(2L, 4L);
      assertThat(lines.badLines()).isEqualTo(2);
      assertThat(lines.errors())
          .extracting(OtlpFileException::getMessage)
          .satisfiesExactly(
              m -> assertThat(m).startsWith(file + ":1: "),
              m ->
                  assertThat(m)
                      .isEqualTo(
                          file + ":3: neither resourceSpans nor resourceMetrics, but [other]"));
    }
  }

  @Test
  void shouldRejectOverlongLineWithoutHoldingItWhenBounded() throws Exception {
    String huge = "{\"resourceSpans\":[" + "{},".repeat(100_000) + "{}]}";
    Path file = write(dir.resolve("long.jsonl"), false, huge, TRACE_LINE);
    JsonLinesOptions options =
        JsonLinesOptions.defaults().withMaxLineChars(10_000).skippingBadLines();

    try (OtlpJsonLines lines = OtlpJsonLines.open(file, options)) {
      assertThat(readAll(lines)).extracting(OtlpLine::number).containsExactly(2L);
      assertThat(lines.errors().get(0).getMessage())
          .isEqualTo(file + ":1: line longer than 10000 characters");
    }
  }

  @Test
  void shouldFailNamingFileWhenGzipIsTruncated() throws Exception {
    Path whole = write(dir.resolve("whole.gz"), true, TRACE_LINE, TRACE_LINE, TRACE_LINE);
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated =
        Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 20));

    try (OtlpJsonLines lines =
        OtlpJsonLines.open(truncated, JsonLinesOptions.defaults().skippingBadLines())) {
      OtlpFileException error = catchThrowableOfType(OtlpFileException.class, () -> readAll(lines));

      assertThat(error.getMessage()).startsWith(truncated + ":");
      assertThat(error.getMessage()).contains("cannot read on");
    }
  }
}
