package io.rehearsal.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Test fixture: parses OTLP JSON lines into the protobuf messages. OTLP JSON writes trace and span
 * ids as hex where proto3 JSON expects base64, so ids are converted first (as the Collector does).
 */
public final class OtlpJsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> IDS = List.of("traceId", "spanId", "parentSpanId");

  private OtlpJsonLines() {}

  /** One line as an ExportTraceServiceRequest. */
  public static ExportTraceServiceRequest traces(String line) throws Exception {
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    JsonFormat.parser().merge(hexIdsToBase64(line), b);
    return b.build();
  }

  /** One line as an ExportMetricsServiceRequest. */
  public static ExportMetricsServiceRequest metrics(String line) throws Exception {
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    JsonFormat.parser().merge(line, b);
    return b.build();
  }

  private static String hexIdsToBase64(String line) throws Exception {
    JsonNode tree = MAPPER.readTree(line);
    convert(tree);
    return tree.toString();
  }

  private static void convert(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String id : IDS) {
        if (object.hasNonNull(id) && !object.get(id).asText().isEmpty()) {
          byte[] raw = HexFormat.of().parseHex(object.get(id).asText());
          object.put(id, Base64.getEncoder().encodeToString(raw));
        }
      }
    }
    node.forEach(OtlpJsonLines::convert);
  }
}
