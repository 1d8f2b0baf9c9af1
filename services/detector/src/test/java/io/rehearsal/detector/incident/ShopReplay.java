package io.rehearsal.detector.incident;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends a reference-shop recording's trace lines to the detector over OTLP/gRPC, one export per
 * line as the shop's exporters sent them, with every timestamp moved by whole seconds so that
 * recordings made at different times can follow one another.
 */
final class ShopReplay {

  private ShopReplay() {}

  /** The reference-shop recordings directory, found from the working directory upwards. */
  static Optional<Path> data() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path d = dir.resolve("ml-models/data/reference-shop");
      if (Files.isDirectory(d)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * Exports {@code file}'s trace lines with timestamps moved by {@code shiftSeconds}; returns the
   * number of spans sent.
   */
  static long send(Channel channel, Path file, long shiftSeconds)
      throws IOException, InterruptedException {
    TraceServiceGrpc.TraceServiceBlockingStub traces = TraceServiceGrpc.newBlockingStub(channel);
    long shiftNanos = shiftSeconds * 1_000_000_000L;
    long spans = 0;
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get() instanceof OtlpLine.Traces t) {
          ExportTraceServiceRequest shifted = shift(t.request(), shiftNanos);
          export(traces, shifted);
          spans += count(shifted);
        }
      }
    }
    return spans;
  }

  /** The earliest span end in {@code file}, epoch milliseconds. */
  static long firstEndMillis(Path file) throws IOException {
    long first = Long.MAX_VALUE;
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get() instanceof OtlpLine.Traces t) {
          for (ResourceSpans rs : t.request().getResourceSpansList()) {
            for (ScopeSpans ss : rs.getScopeSpansList()) {
              for (Span s : ss.getSpansList()) {
                first = Math.min(first, s.getEndTimeUnixNano() / 1_000_000);
              }
            }
          }
        }
      }
    }
    return first;
  }

  static ExportTraceServiceRequest shift(ExportTraceServiceRequest request, long nanos) {
    ExportTraceServiceRequest.Builder b = request.toBuilder();
    for (ResourceSpans.Builder rs : b.getResourceSpansBuilderList()) {
      for (ScopeSpans.Builder ss : rs.getScopeSpansBuilderList()) {
        for (Span.Builder s : ss.getSpansBuilderList()) {
          s.setStartTimeUnixNano(s.getStartTimeUnixNano() + nanos);
          s.setEndTimeUnixNano(s.getEndTimeUnixNano() + nanos);
          for (Span.Event.Builder e : s.getEventsBuilderList()) {
            e.setTimeUnixNano(e.getTimeUnixNano() + nanos);
          }
        }
      }
    }
    return b.build();
  }

  private static long count(ExportTraceServiceRequest request) {
    return request.getResourceSpansList().stream()
        .flatMap(rs -> rs.getScopeSpansList().stream())
        .mapToLong(ScopeSpans::getSpansCount)
        .sum();
  }

  /** Exports once, retrying while the detector is overloaded (as an OTLP exporter does). */
  private static void export(
      TraceServiceGrpc.TraceServiceBlockingStub traces, ExportTraceServiceRequest request)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        traces.export(request);
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED || attempt > 100) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
