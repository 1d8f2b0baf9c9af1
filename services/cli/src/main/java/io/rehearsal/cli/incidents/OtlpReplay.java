package io.rehearsal.cli.incidents;

import io.grpc.ManagedChannel;
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
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Exports a recording's trace lines over OTLP/gRPC, one export per line as the recorded exporters
 * sent them, with every timestamp moved by whole seconds; retries while the receiver is overloaded,
 * as an OTLP exporter does.
 */
final class OtlpReplay {

  private static final int MAX_RETRIES = 600;

  private OtlpReplay() {}

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

  /** Exports {@code file}'s trace lines moved by {@code shiftSeconds}; returns the spans sent. */
  static long send(ManagedChannel channel, Path file, long shiftSeconds)
      throws IOException, InterruptedException {
    TraceServiceGrpc.TraceServiceBlockingStub traces = TraceServiceGrpc.newBlockingStub(channel);
    long spans = 0;
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get() instanceof OtlpLine.Traces t) {
          ExportTraceServiceRequest shifted = shift(t.request(), shiftSeconds * 1_000_000_000L);
          export(traces, shifted);
          spans +=
              shifted.getResourceSpansList().stream()
                  .flatMap(rs -> rs.getScopeSpansList().stream())
                  .mapToLong(ScopeSpans::getSpansCount)
                  .sum();
        }
      }
    }
    return spans;
  }

  private static ExportTraceServiceRequest shift(ExportTraceServiceRequest request, long nanos) {
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

  private static void export(
      TraceServiceGrpc.TraceServiceBlockingStub traces, ExportTraceServiceRequest request)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        traces.withDeadlineAfter(30, TimeUnit.SECONDS).export(request);
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED || attempt >= MAX_RETRIES) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
