package io.rehearsal.detector.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJson;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import io.rehearsal.otlp.SegmentNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling recording on a real directory: JSON lines the OTLP reader takes back, bounds kept.
 */
class RollingRecordingTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void shouldWriteLinesTheOtlpReaderReadsBackWhenRequestsAreOffered() throws Exception {
    List<ExportTraceServiceRequest> sent =
        List.of(request("a", 1), request("b", 2), request("c\"quoted\"", 3));
    try (RollingRecording recording =
        RollingRecording.start(dir, bounds(1 << 20, 1 << 20), CLOCK)) {
      sent.forEach(recording::offer);
      awaitWritten(recording, 3);
    }

    List<Path> segments = segments();
    assertThat(segments)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getFileName().toString())
                    .isEqualTo("otlp-20261126T100000.000Z-0000.jsonl.gz"));
    assertThat(read(segments.get(0))).isEqualTo(sent);
  }

  @Test
  void shouldPrintIdsInHexWhenWritingALine() throws Exception {
    String line = OtlpJsonLine.print(request("svc", 7));

    assertThat(line)
        .contains(
            "\"traceId\":\"0000000000000007000000000000000b\"", "\"spanId\":\"0000000000000007\"");
    assertThat(OtlpJson.traces(line)).isEqualTo(request("svc", 7));
  }

  @Test
  void shouldStartANewSegmentWhenTheOpenOneIsFull() throws Exception {
    try (RollingRecording recording = RollingRecording.start(dir, bounds(1 << 20, 100), CLOCK)) {
      for (int i = 1; i <= 3; i++) {
        recording.offer(request("s", i));
      }
      awaitWritten(recording, 3);
    }

    assertThat(segments())
        .hasSize(3)
        .allSatisfy(p -> assertThat(p.toString()).endsWith(".jsonl.gz"));
    List<ExportTraceServiceRequest> all = new ArrayList<>();
    for (Path p : segments()) {
      all.addAll(read(p));
    }
    assertThat(all).containsExactly(request("s", 1), request("s", 2), request("s", 3));
  }

  @Test
  void shouldDeleteTheOldestSegmentsWhenAllTogetherExceedTheBound() throws Exception {
    try (RollingRecording recording = RollingRecording.start(dir, bounds(700, 100), CLOCK)) {
      for (int i = 1; i <= 10; i++) {
        recording.offer(request("s", i));
        awaitWritten(recording, i);
      }
    }

    long total = 0;
    for (Path p : segments()) {
      total += Files.size(p);
    }
    assertThat(total).isLessThanOrEqualTo(700);
    List<ExportTraceServiceRequest> kept = read(segments().get(segments().size() - 1));
    assertThat(kept).containsExactly(request("s", 10));
    assertThat(segments().size()).isLessThan(10);
  }

  @Test
  void shouldDropAndCountWhenTheQueueIsFull() {
    RollingRecording.Bounds tiny =
        new RollingRecording.Bounds(
            1 << 20, Duration.ofHours(1), 1 << 20, Duration.ofMinutes(5), 10);
    try (RollingRecording recording = RollingRecording.start(dir, tiny, CLOCK)) {
      boolean taken = recording.offer(request("too-big-for-ten-bytes", 1));

      assertThat(taken).isFalse();
      assertThat(recording.dropped()).isEqualTo(1);
    }
  }

  @Test
  void shouldRejectBoundsWhenNotPositive() {
    assertThatThrownBy(
            () -> new RollingRecording.Bounds(0, Duration.ofHours(1), 1, Duration.ofMinutes(1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes must be positive, but was 0");
  }

  private static RollingRecording.Bounds bounds(long maxBytes, long segmentBytes) {
    return new RollingRecording.Bounds(
        maxBytes, Duration.ofDays(3650), segmentBytes, Duration.ofHours(1), 1 << 20);
  }

  private List<Path> segments() throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(SegmentNames::isSegment).sorted().toList();
    }
  }

  private static void awaitWritten(RollingRecording recording, long n) throws InterruptedException {
    for (int i = 0; i < 100 && recording.written() < n; i++) {
      Thread.sleep(20);
    }
    assertThat(recording.written()).isEqualTo(n);
  }

  private static List<ExportTraceServiceRequest> read(Path file) throws IOException {
    List<ExportTraceServiceRequest> out = new ArrayList<>();
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      for (Optional<OtlpLine> line = lines.next(); line.isPresent(); line = lines.next()) {
        out.add(((OtlpLine.Traces) line.get()).request());
      }
    }
    return out;
  }

  private static ExportTraceServiceRequest request(String service, long id) {
    Span span =
        Span.newBuilder()
            .setTraceId(
                ByteString.copyFrom(
                    java.nio.ByteBuffer.allocate(16).putLong(id).putLong(11).array()))
            .setSpanId(ByteString.copyFrom(java.nio.ByteBuffer.allocate(8).putLong(id).array()))
            .setName("GET /x")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(1_700_000_000_000_000_000L + id)
            .setEndTimeUnixNano(1_700_000_000_001_000_000L + id)
            .build();
    Resource resource =
        Resource.newBuilder()
            .addAttributes(
                KeyValue.newBuilder()
                    .setKey("service.name")
                    .setValue(AnyValue.newBuilder().setStringValue(service)))
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
        .build();
  }
}
