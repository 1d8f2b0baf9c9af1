package io.rehearsal.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** One export request read from an OTLP JSON-lines file. */
public sealed interface OtlpLine {

  /** The 1-based line number in the file. */
  long number();

  /** A line holding {@code resourceSpans}. */
  record Traces(long number, ExportTraceServiceRequest request) implements OtlpLine {}

  /** A line holding {@code resourceMetrics}. */
  record Metrics(long number, ExportMetricsServiceRequest request) implements OtlpLine {}
}
