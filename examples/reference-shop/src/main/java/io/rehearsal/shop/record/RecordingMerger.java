package io.rehearsal.shop.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.rehearsal.shop.http.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts one recording out of the per-process JSON-lines files of a run: a gzipped OTLP JSON-lines
 * file of the window {@code [from, to]}. A trace belongs to the window when its root span starts in
 * it (so warm-up traffic and the next window's traffic are out, and every kept trace is whole);
 * metric points belong when their time is in it. Lines torn by a killed process are skipped and
 * counted. Lines are written in time order, as a collector receiving them live would have. With a
 * sample ratio below 1, only the traces {@link TraceSampling} keeps are written (whole); metric
 * points are always all written.
 */
public final class RecordingMerger {

  /**
   * What a merge kept.
   *
   * @param lines lines written
   * @param traces traces kept
   * @param spans spans kept
   * @param points metric data points kept
   * @param tornLines unparsable lines skipped
   */
  public record Result(int lines, int traces, long spans, long points, int tornLines) {}

  private record Line(long time, String json) {}

  /** Longer than any request can take (timeouts are seconds), so no trace is cut by the skip. */
  private static final long MARGIN_NANOS = 60_000_000_000L;

  private final long fromNanos;
  private final long toNanos;
  private final double sampleRatio;
  private int torn;
  private long spans;
  private long points;

  /** A merger for the window {@code [fromEpochMs, toEpochMs]}. */
  public RecordingMerger(long fromEpochMs, long toEpochMs) {
    this(fromEpochMs, toEpochMs, 1);
  }

  /** A merger for the window that keeps the share {@code sampleRatio} of its traces. */
  public RecordingMerger(long fromEpochMs, long toEpochMs, double sampleRatio) {
    if (!(sampleRatio > 0 && sampleRatio <= 1)) {
      throw new IllegalArgumentException("sampleRatio must be in (0, 1], but was " + sampleRatio);
    }
    this.fromNanos = fromEpochMs * 1_000_000L;
    this.toNanos = toEpochMs * 1_000_000L;
    this.sampleRatio = sampleRatio;
  }

  /**
   * Merges every {@code *.spans.jsonl} and {@code *.metrics.jsonl} of {@code dir} into {@code out}.
   */
  public Result merge(Path dir, Path out) throws IOException {
    List<Path> spanFiles = files(dir, ".spans.jsonl");
    Set<String> traces = new HashSet<>();
    read(spanFiles, line -> forEachSpan(line, s -> addIfRootInWindow(s, traces)));
    int tornOnce = torn;
    List<Line> lines = new ArrayList<>();
    read(spanFiles, line -> keepSpans(line, traces, lines));
    torn = tornOnce;
    read(files(dir, ".metrics.jsonl"), line -> keepPoints(line, lines));
    lines.sort(Comparator.comparingLong(Line::time));
    write(lines, out);
    return new Result(lines.size(), traces.size(), spans, points, torn);
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private void read(List<Path> files, Consumer<JsonNode> sink) throws IOException {
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank() && mayOverlap(line)) {
            parse(line, sink);
          }
        }
      }
    }
  }

  /**
   * Whether a line may hold data of the window, judged from its raw times without parsing it. A
   * line without times (torn) is parsed, to be counted; metric lines also carry their process's
   * start time, so they are mostly parsed, but they are small.
   */
  private boolean mayOverlap(String line) {
    long[] range = OtlpJson.timeRange(line);
    return range == null
        || (range[1] >= fromNanos - MARGIN_NANOS && range[0] <= toNanos + MARGIN_NANOS);
  }

  private void parse(String line, Consumer<JsonNode> sink) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (IOException e) {
      torn++;
      return;
    }
    sink.accept(node);
  }

  private void addIfRootInWindow(JsonNode span, Set<String> traces) {
    long start = OtlpJson.nanos(span, "startTimeUnixNano");
    String trace = span.path("traceId").asText();
    if (span.path("parentSpanId").asText("").isEmpty()
        && start >= fromNanos
        && start <= toNanos
        && TraceSampling.keep(trace, sampleRatio)) {
      traces.add(trace);
    }
  }

  private void keepSpans(JsonNode line, Set<String> traces, List<Line> lines) {
    long[] min = {Long.MAX_VALUE};
    OtlpJson.retain(
        line.path("resourceSpans"),
        rs ->
            OtlpJson.retain(
                    rs.path("scopeSpans"),
                    ss ->
                        OtlpJson.retain(
                                ss.path("spans"),
                                s -> {
                                  boolean keep = traces.contains(s.path("traceId").asText());
                                  if (keep) {
                                    spans++;
                                    min[0] =
                                        Math.min(min[0], OtlpJson.nanos(s, "startTimeUnixNano"));
                                  }
                                  return keep;
                                })
                            > 0)
                > 0);
    if (min[0] != Long.MAX_VALUE) {
      lines.add(new Line(min[0], line.toString()));
    }
  }

  private void keepPoints(JsonNode line, List<Line> lines) {
    int kept =
        OtlpJson.retain(
            line.path("resourceMetrics"),
            rm ->
                OtlpJson.retain(
                        rm.path("scopeMetrics"),
                        sm -> OtlpJson.retain(sm.path("metrics"), m -> keepMetricPoints(m) > 0) > 0)
                    > 0);
    if (kept > 0) {
      long time =
          line.findValues("timeUnixNano").stream()
              .mapToLong(t -> Long.parseLong(t.asText()))
              .min()
              .orElse(0);
      lines.add(new Line(time, line.toString()));
    }
  }

  private int keepMetricPoints(JsonNode metric) {
    int kept = 0;
    for (String type : List.of("gauge", "sum", "histogram", "exponentialHistogram", "summary")) {
      kept +=
          OtlpJson.retain(
              metric.path(type).path("dataPoints"),
              p -> {
                long t = OtlpJson.nanos(p, "timeUnixNano");
                return t >= fromNanos && t <= toNanos;
              });
    }
    points += kept;
    return kept;
  }

  private static void forEachSpan(JsonNode line, Consumer<JsonNode> f) {
    for (JsonNode rs : line.path("resourceSpans")) {
      for (JsonNode ss : rs.path("scopeSpans")) {
        ss.path("spans").forEach(f);
      }
    }
  }

  private static void write(List<Line> lines, Path out) throws IOException {
    try (BufferedWriter w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16),
                StandardCharsets.UTF_8))) {
      for (Line line : lines) {
        w.write(line.json());
        w.write('\n');
      }
    }
  }
}
