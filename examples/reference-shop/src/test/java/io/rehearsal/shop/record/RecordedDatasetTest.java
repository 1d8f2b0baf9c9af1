package io.rehearsal.shop.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.rehearsal.shop.OtlpJsonLines;
import io.rehearsal.shop.http.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden check of the committed dataset in ml-models/data/reference-shop (skipped if absent). */
class RecordedDatasetTest {
  private static final Path DATA = Path.of("../../ml-models/data/reference-shop");

  static Stream<String> recordings() {
    return Stream.of(
        "baseline",
        "load2x",
        "incident-latency",
        "incident-error",
        "incident-fewer-workers",
        "incident-slow-dependency",
        "incident-kill-replica");
  }

  private static List<String> lines(Path gz) throws Exception {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return in.lines().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void shouldParseEveryLineAsOtlpWithWholeTracesWhenReadBack(String name) throws Exception {
    Path file = DATA.resolve(name + ".otlp.jsonl.gz");
    Assumptions.assumeTrue(Files.exists(file), "dataset not recorded here");
    Set<ByteString> spanIds = new HashSet<>();
    Set<ByteString> parentIds = new HashSet<>();
    long metricLines = 0;

    for (String line : lines(file)) {
      if (line.startsWith("{\"resourceMetrics\"")) {
        assertThat(OtlpJsonLines.metrics(line).getResourceMetricsCount()).isPositive();
        metricLines++;
        continue;
      }
      ExportTraceServiceRequest request = OtlpJsonLines.traces(line);
      for (ResourceSpans rs : request.getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span span : ss.getSpansList()) {
            spanIds.add(span.getSpanId());
            if (!span.getParentSpanId().isEmpty()) {
              parentIds.add(span.getParentSpanId());
            }
          }
        }
      }
    }

    parentIds.removeAll(spanIds);
    double orphans = (double) parentIds.size() / spanIds.size();
    // only the killed replica loses telemetry: its unexported spans die with it
    assertThat(orphans).isLessThanOrEqualTo(name.equals("incident-kill-replica") ? 0.01 : 0.0);
    assertThat(spanIds.size()).isGreaterThan(10_000);
    assertThat(metricLines).isPositive();
  }

  @Test
  void shouldLabelEveryFaultKindInsideItsWindowWhenListingIncidents() throws Exception {
    Path file = DATA.resolve("incidents.json");
    Assumptions.assumeTrue(Files.exists(file), "dataset not recorded here");

    JsonNode incidents = Json.read(Files.readAllBytes(file));

    Set<String> kinds = new HashSet<>();
    for (JsonNode label : incidents) {
      kinds.add(label.path("kind").asText());
      long onset = label.path("onsetEpochMs").asLong();
      long end = label.path("endEpochMs").asLong();
      assertThat(onset).isGreaterThan(label.path("windowStartEpochMs").asLong());
      assertThat(end).isGreaterThan(onset).isLessThan(label.path("windowEndEpochMs").asLong());
      assertThat(DATA.resolve(label.path("recording").asText())).exists();
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "latency", "error", "fewer-workers", "slow-dependency", "kill-replica", "surge");
  }
}
