package io.rehearsal.shop.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.rehearsal.shop.OtlpJsonLines;
import io.rehearsal.shop.telemetry.ProcessMetrics;
import io.rehearsal.shop.telemetry.Telemetry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingMergerTest {
  @TempDir Path dir;
  private final long base = System.currentTimeMillis();

  private void trace(Tracer tracer, String name, long rootAtSeconds, long childAtSeconds) {
    Span root =
        tracer
            .spanBuilder(name)
            .setSpanKind(SpanKind.SERVER)
            .setStartTimestamp(base + rootAtSeconds * 1000, TimeUnit.MILLISECONDS)
            .startSpan();
    tracer
        .spanBuilder(name + " child")
        .setParent(Context.current().with(root))
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(base + childAtSeconds * 1000, TimeUnit.MILLISECONDS)
        .startSpan()
        .end(base + childAtSeconds * 1000 + 5, TimeUnit.MILLISECONDS);
    root.end(base + childAtSeconds * 1000 + 10, TimeUnit.MILLISECONDS);
  }

  private void record() throws Exception {
    Path telemetryDir = dir.resolve("telemetry");
    Telemetry telemetry =
        Telemetry.create(
            new Telemetry.Settings(
                "frontend", "frontend-1", telemetryDir, null, Duration.ofMillis(100)));
    AutoCloseable cpu = ProcessMetrics.register(telemetry.api().getMeter("test"));
    Tracer tracer = telemetry.api().getTracer("test");
    trace(tracer, "inside", -5, -4);
    trace(tracer, "warm-up", -70, -5);
    trace(tracer, "next window", 70, 71);
    Thread.sleep(300);
    cpu.close();
    telemetry.close();
    Files.writeString(
        telemetryDir.resolve("catalog-1.spans.jsonl"),
        "{\"resourceSpans\":[{\"resou",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private List<String> lines(Path gz) throws Exception {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return in.lines().toList();
    }
  }

  @Test
  void shouldKeepOnlyWholeTracesAndPointsOfTheWindowWhenMerging() throws Exception {
    record();
    Path out = dir.resolve("window.otlp.jsonl.gz");

    RecordingMerger.Result result =
        new RecordingMerger(base - 60_000, base + 60_000).merge(dir.resolve("telemetry"), out);

    assertThat(result.traces()).isEqualTo(1);
    assertThat(result.spans()).isEqualTo(2);
    assertThat(result.tornLines()).isEqualTo(1);
    assertThat(result.points()).isPositive();
    List<String> lines = lines(out);
    assertThat(lines).hasSize(result.lines());
    List<String> spanLines =
        lines.stream().filter(l -> l.startsWith("{\"resourceSpans\"")).toList();
    ExportTraceServiceRequest request = OtlpJsonLines.traces(spanLines.get(0));
    assertThat(request.getResourceSpans(0).getScopeSpans(0).getSpansList())
        .extracting(s -> s.getName())
        .containsExactlyInAnyOrder("inside", "inside child");
    assertThat(lines.stream().filter(l -> l.startsWith("{\"resourceMetrics\"")))
        .allSatisfy(
            l -> assertThat(OtlpJsonLines.metrics(l).getResourceMetricsCount()).isEqualTo(1));
  }

  @Test
  void shouldKeepWholeSampledTracesAndEveryPointWhenSampling() throws Exception {
    Path telemetryDir = dir.resolve("many");
    Telemetry telemetry =
        Telemetry.create(
            new Telemetry.Settings(
                "frontend", "frontend-1", telemetryDir, null, Duration.ofMillis(100)));
    AutoCloseable cpu = ProcessMetrics.register(telemetry.api().getMeter("test"));
    Tracer tracer = telemetry.api().getTracer("test");
    for (int i = 0; i < 400; i++) {
      trace(tracer, "t" + i, -5, -4);
    }
    Thread.sleep(300);
    cpu.close();
    telemetry.close();

    RecordingMerger.Result all =
        new RecordingMerger(base - 60_000, base + 60_000)
            .merge(telemetryDir, dir.resolve("all.otlp.jsonl.gz"));
    RecordingMerger.Result sampled =
        new RecordingMerger(base - 60_000, base + 60_000, 0.25)
            .merge(telemetryDir, dir.resolve("sampled.otlp.jsonl.gz"));

    assertThat(all.traces()).isEqualTo(400);
    assertThat(sampled.traces()).as("a quarter of 400 random trace ids").isBetween(70, 130);
    assertThat(sampled.spans()).isEqualTo(2L * sampled.traces());
    assertThat(sampled.points()).isEqualTo(all.points());
  }
}
