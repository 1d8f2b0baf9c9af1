package io.rehearsal.shop.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.rehearsal.shop.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.HdrHistogram.Histogram;

/**
 * Observed figures per endpoint of a recording, from its SERVER spans (and, for an external
 * dependency, from the CLIENT spans that call it): rate, p50, p99 and error rate.
 */
public final class RecordingSummary {
  private static final int SERVER = 2;
  private static final int CLIENT = 3;
  private static final int STATUS_ERROR = 2;

  /**
   * Figures of one endpoint.
   *
   * @param endpoint {@code service METHOD /route}, or {@code dependency (client view)}
   * @param count spans
   * @param ratePerSecond count over the recording's span
   * @param p50Ms median duration
   * @param p99Ms 99th percentile duration
   * @param errorRate fraction with status ERROR
   */
  public record EndpointStats(
      String endpoint,
      long count,
      double ratePerSecond,
      double p50Ms,
      double p99Ms,
      double errorRate) {}

  private static final class Acc {
    final Histogram micros = new Histogram(600_000_000L, 3);
    long errors;
  }

  private final Map<String, Acc> accs = new TreeMap<>();
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  private RecordingSummary() {}

  /** Summarizes a gzipped (or plain) OTLP JSON-lines recording. */
  public static List<EndpointStats> of(Path recording, List<String> externalDependencies)
      throws IOException {
    RecordingSummary summary = new RecordingSummary();
    try (BufferedReader in = open(recording)) {
      String line;
      while ((line = in.readLine()) != null) {
        summary.add(Json.MAPPER.readTree(line), externalDependencies);
      }
    }
    return summary.stats();
  }

  private static BufferedReader open(Path file) throws IOException {
    var raw = Files.newInputStream(file);
    var in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private void add(JsonNode line, List<String> external) {
    for (JsonNode rs : line.path("resourceSpans")) {
      String service = OtlpJson.attribute(rs.path("resource"), "service.name");
      for (JsonNode ss : rs.path("scopeSpans")) {
        for (JsonNode span : ss.path("spans")) {
          String key = key(service, span, external);
          if (key != null) {
            record(key, span);
          }
        }
      }
    }
  }

  private static String key(String service, JsonNode span, List<String> external) {
    int kind = span.path("kind").asInt();
    if (kind == SERVER) {
      return service + " " + span.path("name").asText();
    }
    String peer = OtlpJson.attribute(span, "peer.service");
    return kind == CLIENT && external.contains(peer) ? peer + " (client view)" : null;
  }

  private void record(String key, JsonNode span) {
    long start = OtlpJson.nanos(span, "startTimeUnixNano");
    long end = OtlpJson.nanos(span, "endTimeUnixNano");
    first = Math.min(first, start);
    last = Math.max(last, start);
    Acc acc = accs.computeIfAbsent(key, k -> new Acc());
    acc.micros.recordValue(Math.max(0, Math.min((end - start) / 1000, 600_000_000L)));
    if (span.path("status").path("code").asInt() == STATUS_ERROR) {
      acc.errors++;
    }
  }

  private List<EndpointStats> stats() {
    double seconds = Math.max(1e-9, (last - first) / 1e9);
    List<EndpointStats> out = new ArrayList<>();
    accs.forEach(
        (key, acc) -> {
          long n = acc.micros.getTotalCount();
          out.add(
              new EndpointStats(
                  key,
                  n,
                  n / seconds,
                  acc.micros.getValueAtPercentile(50) / 1000.0,
                  acc.micros.getValueAtPercentile(99) / 1000.0,
                  n == 0 ? 0 : (double) acc.errors / n));
        });
    return out;
  }
}
