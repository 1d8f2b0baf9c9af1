package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentNamesTest {

  @Test
  void shouldNameASegmentAfterItsUtcOpeningTimeAndSequenceWhenOpened() {
    String name = SegmentNames.segment(Instant.parse("2026-11-26T10:00:00.123Z"), 10_007);

    assertThat(name).isEqualTo("otlp-20261126T100000.123Z-0007.jsonl");
  }

  @Test
  void shouldSortByTimeWhenNamesAreCompared() {
    String earlier = SegmentNames.segment(Instant.parse("2026-11-26T09:59:59.999Z"), 9);
    String later = SegmentNames.segment(Instant.parse("2026-11-26T10:00:00Z"), 0);

    assertThat(earlier).isLessThan(later);
  }

  @Test
  void shouldTellSegmentsFromOtherJsonLinesFilesWhenNamed() {
    assertThat(SegmentNames.isSegment(Path.of("d/otlp-1.jsonl.gz"))).isTrue();
    assertThat(SegmentNames.isSegment(Path.of("d/otlp-1.jsonl"))).isTrue();
    assertThat(SegmentNames.isSegment(Path.of("d/baseline.otlp.jsonl.gz"))).isFalse();
    assertThat(SegmentNames.isJsonLines(Path.of("d/baseline.otlp.jsonl.gz"))).isTrue();
    assertThat(SegmentNames.isJsonLines(Path.of("d/otlp-1.jsonl.gz.part"))).isFalse();
  }

  @Test
  void shouldAppendGzWhenGzippingAPlainName() {
    assertThat(SegmentNames.gzipped(Path.of("d/otlp-1.jsonl")))
        .isEqualTo(Path.of("d/otlp-1.jsonl.gz"));
  }

  @Test
  void shouldRejectANameWhenItIsNotPlainJsonLines() {
    assertThatThrownBy(() -> SegmentNames.gzipped(Path.of("d/otlp-1.jsonl.gz")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plain must end in .jsonl, but was d/otlp-1.jsonl.gz");
  }
}
