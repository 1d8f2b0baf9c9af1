package io.rehearsal.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Streams an OTLP JSON-lines file as the OpenTelemetry Collector's file exporter writes it: one
 * {@code ExportTraceServiceRequest} or {@code ExportMetricsServiceRequest} in OTLP/JSON per line,
 * plain or gzip-compressed (recognised by its magic bytes). Lines of logs or profiles and blank
 * lines are passed over. Memory is bounded by the longest allowed line.
 *
 * <pre>{@code
 * try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
 *   for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) { ... }
 * }
 * }</pre>
 */
public final class OtlpJsonLines implements Closeable {

  private static final Set<String> TRACES = Set.of("resourceSpans", "resource_spans");
  private static final Set<String> METRICS = Set.of("resourceMetrics", "resource_metrics");
  private static final Set<String> OTHER =
      Set.of("resourceLogs", "resource_logs", "resourceProfiles", "resource_profiles");

  private final Path file;
  private final JsonLinesOptions options;
  private final InputStream stream;
  private final LineReader lines;
  private final List<OtlpFileException> errors = new ArrayList<>();
  private long badLines;
  private long ignoredLines;

  private OtlpJsonLines(Path file, JsonLinesOptions options, InputStream stream) {
    this.file = file;
    this.options = options;
    this.stream = stream;
    this.lines =
        new LineReader(
            new InputStreamReader(stream, StandardCharsets.UTF_8), options.maxLineChars());
  }

  /** Opens a file, plain or gzip. */
  public static OtlpJsonLines open(Path file, JsonLinesOptions options) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    try {
      return new OtlpJsonLines(
          file, options, gzipped(in) ? new GZIPInputStream(in, 64 * 1024) : in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The next export request, or empty at the end of the file.
   *
   * @throws OtlpFileException for a bad line unless skipping, or when the file cannot be read on
   *     (e.g. a truncated gzip stream)
   */
  public Optional<OtlpLine> next() throws IOException {
    while (true) {
      LineReader.Line line = readLine();
      if (line == null) {
        return Optional.empty();
      }
      try {
        Optional<OtlpLine> parsed = parse(line);
        if (parsed.isPresent()) {
          return parsed;
        }
      } catch (OtlpPayloadException e) {
        bad(new OtlpFileException(file, line.number(), e.getMessage(), e));
      }
    }
  }

  /** The bad lines skipped so far (at most {@code maxErrorsKept} of them). */
  public List<OtlpFileException> errors() {
    return List.copyOf(errors);
  }

  /** How many bad lines were skipped. */
  public long badLines() {
    return badLines;
  }

  /** How many lines held logs, profiles or nothing. */
  public long ignoredLines() {
    return ignoredLines;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }

  private LineReader.Line readLine() throws IOException {
    try {
      return lines.next();
    } catch (IOException e) {
      throw new OtlpFileException(file, -1, "cannot read on: " + e.getMessage(), e);
    }
  }

  private Optional<OtlpLine> parse(LineReader.Line line) throws OtlpPayloadException, IOException {
    if (line.tooLong()) {
      throw new OtlpPayloadException(
          OtlpPayloadException.Problem.TOO_LARGE,
          "line longer than " + options.maxLineChars() + " characters");
    }
    if (line.text().isBlank()) {
      return Optional.empty();
    }
    IdTranscoder.Result json = OtlpJson.transcode(line.text());
    if (json.topLevelKeys().stream().anyMatch(TRACES::contains)) {
      ExportTraceServiceRequest.Builder traces = ExportTraceServiceRequest.newBuilder();
      OtlpJson.merge(json.json(), traces);
      return Optional.of(new OtlpLine.Traces(line.number(), traces.build()));
    }
    if (json.topLevelKeys().stream().anyMatch(METRICS::contains)) {
      ExportMetricsServiceRequest.Builder metrics = ExportMetricsServiceRequest.newBuilder();
      OtlpJson.merge(json.json(), metrics);
      return Optional.of(new OtlpLine.Metrics(line.number(), metrics.build()));
    }
    if (json.topLevelKeys().isEmpty() || json.topLevelKeys().stream().anyMatch(OTHER::contains)) {
      ignoredLines++;
      return Optional.empty();
    }
    throw new OtlpPayloadException(
        OtlpPayloadException.Problem.MALFORMED,
        "neither resourceSpans nor resourceMetrics, but " + json.topLevelKeys());
  }

  private void bad(OtlpFileException error) throws OtlpFileException {
    if (!options.skipBadLines()) {
      throw error;
    }
    badLines++;
    if (errors.size() < options.maxErrorsKept()) {
      errors.add(error);
    }
  }

  private static boolean gzipped(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }
}
