package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryFilesTest {

  @TempDir Path dir;

  private final List<Span> spans = new ArrayList<>();
  private final List<MetricPoint> points = new ArrayList<>();
  private final TelemetrySink sink =
      new TelemetrySink() {
        @Override
        public void spans(List<Span> batch) {
          spans.addAll(batch);
        }

        @Override
        public void metrics(List<MetricPoint> batch) {
          points.addAll(batch);
        }
      };

  @Test
  void shouldMapEveryLineIntoRecordsWhenReadingRecording() throws Exception {
    String badSpan =
        OtlpJsonLinesTest.TRACE_LINE.replace("\"kind\":2", "\"kind\":2,\"spanId\":\"\"");
    Path file =
        OtlpJsonLinesTest.write(
            dir.resolve("rec.otlp.jsonl.gz"),
            true,
            OtlpJsonLinesTest.TRACE_LINE,
            OtlpJsonLinesTest.METRIC_LINE,
            badSpan,
            "garbage",
            OtlpJsonLinesTest.LOG_LINE);

    ReadSummary summary =
        TelemetryFiles.read(file, JsonLinesOptions.defaults().skippingBadLines(), sink);

    assertThat(summary.traceLines()).isEqualTo(2);
    assertThat(summary.metricLines()).isEqualTo(1);
    assertThat(summary.ignoredLines()).isEqualTo(1);
    assertThat(summary.badLines()).isEqualTo(1);
    assertThat(summary.spans()).isEqualTo(1);
    assertThat(summary.rejectedSpans()).isEqualTo(1);
    assertThat(summary.points()).isEqualTo(1);
    assertThat(summary.errors().get(0).line()).isEqualTo(4);
    assertThat(spans)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.service()).isEqualTo("cart");
              assertThat(s.traceIdHex()).isEqualTo("5b8efff798038103d269b633813fc60c");
              assertThat(s.durationNanos()).isEqualTo(5_000_000);
            });
    assertThat(points).singleElement().extracting(MetricPoint::value).isEqualTo(0.5);
  }
}
