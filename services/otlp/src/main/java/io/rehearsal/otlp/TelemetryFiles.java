package io.rehearsal.otlp;

import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a recorded OTLP JSON-lines file straight into telemetry records, e.g. to calibrate a twin
 * or replay a recording through a {@link io.rehearsal.telemetry.WindowAggregator}.
 *
 * <pre>{@code
 * ReadSummary summary = TelemetryFiles.read(path, JsonLinesOptions.defaults(), sink);
 * }</pre>
 */
public final class TelemetryFiles {

  private TelemetryFiles() {}

  /**
   * Streams every export request of {@code file} through the mappers into {@code sink}, one call
   * per line.
   *
   * @throws OtlpFileException on the first bad line, unless the options skip bad lines
   */
  public static ReadSummary read(Path file, JsonLinesOptions options, TelemetrySink sink)
      throws IOException {
    Counts counts = new Counts();
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, options)) {
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        counts.take(line.get(), sink);
      }
      return counts.summary(lines);
    }
  }

  private static final class Counts {
    private long traceLines;
    private long metricLines;
    private long spans;
    private long rejectedSpans;
    private long points;
    private long rejectedPoints;

    void take(OtlpLine line, TelemetrySink sink) {
      if (line instanceof OtlpLine.Traces traces) {
        Mapped<Span> mapped = SpanMapper.map(traces.request());
        traceLines++;
        spans += mapped.accepted().size();
        rejectedSpans += mapped.rejected();
        sink.spans(mapped.accepted());
      } else if (line instanceof OtlpLine.Metrics metrics) {
        Mapped<MetricPoint> mapped = MetricMapper.map(metrics.request());
        metricLines++;
        points += mapped.accepted().size();
        rejectedPoints += mapped.rejected();
        sink.metrics(mapped.accepted());
      }
    }

    ReadSummary summary(OtlpJsonLines lines) {
      return new ReadSummary(
          traceLines,
          metricLines,
          lines.ignoredLines(),
          lines.badLines(),
          spans,
          rejectedSpans,
          points,
          rejectedPoints,
          lines.errors());
    }
  }
}
