package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 1_700_000_000L * SECOND;

  /** 100 requests/s for 60 s; every {@code keepEvery}-th one traced; metrics every 10 s. */
  private static Recording recording(int keepEvery, boolean metrics) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      if (i % keepEvery == 0) {
        long start = T0 + i * SECOND / 100;
        spans.add(
            new Span(
                0,
                i + 1,
                i + 1,
                0,
                "front",
                "GET /a",
                "GET /a",
                SpanKind.SERVER,
                start,
                start + 1_000_000,
                false,
                200,
                ""));
      }
    }
    List<MetricPoint> points = new ArrayList<>();
    for (int s = 0; metrics && s <= 60; s += 10) {
      points.add(
          new MetricPoint(
              "front",
              Sampling.REQUEST_METRIC,
              "s",
              Map.of("http.request.method", "GET", "http.route", "/a"),
              MetricKind.HISTOGRAM,
              true,
              T0 - SECOND,
              T0 + s * SECOND,
              0.001 * s * 100,
              s * 100L));
    }
    return Recording.of(spans, points);
  }

  @Test
  void shouldFindTheSharedKeptFromRequestMetricsWhenTracesAreSampled() {
    Sampling sampling = Sampling.of(recording(5, true), null);

    assertThat(sampling.kept("front")).isBetween(0.19, 0.21);
    assertThat(sampling.weight("front")).isBetween(4.7, 5.3);
    assertThat(sampling.source()).contains(Sampling.REQUEST_METRIC);
  }

  @Test
  void shouldTakeTracesAsCompleteWhenTheirCountMatchesTheMetrics() {
    assertThat(Sampling.of(recording(1, true), null).kept("front")).isEqualTo(1);
  }

  @Test
  void shouldUseTheStatedRatioWhenThereAreNoRequestMetrics() {
    Sampling stated = Sampling.of(recording(5, false), 0.2);

    assertThat(stated.kept("front")).isEqualTo(0.2);
    assertThat(stated.source()).contains("overlay");
    assertThat(Sampling.of(recording(5, false), null)).isEqualTo(Sampling.NONE);
  }
}
