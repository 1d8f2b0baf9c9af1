package io.rehearsal.otlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small recordings in the Collector's JSON-lines form: one trace per second, each a root {@code GET
 * /home} span of {@code front} calling {@code back}, one line per trace, and a CPU metric line
 * every ten seconds.
 */
final class RecordingFixtures {
  static final long T0 = 1_700_000_000_000_000_000L;

  private RecordingFixtures() {}

  /** The lines of {@code seconds} traces, the first rooted at {@link #T0}. */
  static List<String> lines(int seconds) {
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      lines.add(trace(s));
      if (s % 10 == 9) {
        lines.add(cpu(s));
      }
    }
    return lines;
  }

  /** Writes {@code seconds} traces to {@code file}, gzipped when its name ends in {@code .gz}. */
  static Path write(Path file, int seconds) throws IOException {
    return write(file, lines(seconds));
  }

  /** Writes {@code lines} to {@code file}, gzipped when its name ends in {@code .gz}. */
  static Path write(Path file, List<String> lines) throws IOException {
    boolean gzip = file.getFileName().toString().endsWith(".gz");
    return OtlpJsonLinesTest.write(file, gzip, lines.toArray(String[]::new));
  }

  /** The start of the root of the trace of second {@code s}. */
  static long rootStart(int s) {
    return T0 + s * 1_000_000_000L;
  }

  private static String trace(int s) {
    long start = rootStart(s);
    return String.format(
        Locale.ROOT,
        "{\"resourceSpans\":[%s,%s]}",
        resourceSpans("front", span(s, 1, 0, "GET /home", start, start + 9_000_000)),
        resourceSpans("back", span(s, 2, 1, "GET /data", start + 1_000_000, start + 8_000_000)));
  }

  private static String resourceSpans(String service, String span) {
    return "{\"resource\":" + resource(service) + ",\"scopeSpans\":[{\"spans\":[" + span + "]}]}";
  }

  private static String span(int s, int id, int parent, String name, long start, long end) {
    return String.format(
        Locale.ROOT,
        "{\"traceId\":\"%032x\",\"spanId\":\"%016x\",%s\"name\":\"%s\",\"kind\":2,"
            + "\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\"}",
        s + 1,
        (s + 1) * 16L + id,
        parent == 0
            ? ""
            : String.format(Locale.ROOT, "\"parentSpanId\":\"%016x\",", (s + 1) * 16L + parent),
        name,
        start,
        end);
  }

  private static String cpu(int s) {
    return String.format(
        Locale.ROOT,
        "{\"resourceMetrics\":[{\"resource\":%s,\"scopeMetrics\":[{\"metrics\":[{\"name\":"
            + "\"process.cpu.time\",\"gauge\":{\"dataPoints\":[{\"timeUnixNano\":\"%d\","
            + "\"asDouble\":%d}]}}]}]}]}",
        resource("front"),
        rootStart(s),
        s);
  }

  private static String resource(String service) {
    return "{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\""
        + service
        + "\"}}]}";
  }
}
