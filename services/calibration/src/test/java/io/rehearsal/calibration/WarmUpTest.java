package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  private static final long T0 = 1_700_000_000_000_000_000L;

  /**
   * 100 requests a second for {@code seconds}, lognormal latencies around 10 ms, {@code slowFor}
   * seconds of them {@code factor} times slower at the start (slowFor < 0: slower by a factor
   * falling linearly from {@code factor} to 1 over the whole recording, a warm-up never over).
   */
  private static Recording recording(int seconds, int slowFor, double factor) {
    SplittableRandom random = new SplittableRandom(7);
    List<Span> spans = new ArrayList<>();
    long id = 1;
    for (int s = 0; s < seconds; s++) {
      for (int k = 0; k < 100; k++) {
        long start = T0 + s * 1_000_000_000L + k * 10_000_000L;
        double slow =
            slowFor < 0 ? 1 + (factor - 1) * (1 - (double) s / seconds) : s < slowFor ? factor : 1;
        double latency = 0.010 * Math.exp(0.5 * random.nextGaussian()) * slow;
        long end = start + (long) (latency * 1e9);
        spans.add(
            new Span(
                1,
                id,
                id,
                0,
                "api",
                "GET /",
                "GET /",
                SpanKind.SERVER,
                start,
                end,
                false,
                200,
                ""));
        id++;
      }
    }
    return Recording.of(spans, List.of());
  }

  @Test
  void shouldDropTheSlowStartWhenTheSystemWarmsUp() {
    WarmUp w = WarmUp.detect(recording(200, 30, 2.0));
    assertThat(w.droppedSeconds()).as("%s", w).isBetween(25.0, 40.0);
    assertThat(w.atLimit()).isFalse();
    Recording steady = w.apply(recording(200, 30, 2.0));
    assertThat(steady.spans()).hasSizeLessThan(200 * 100).hasSizeGreaterThan(160 * 100);
    assertThat(steady.firstRootStartNanos()).isGreaterThanOrEqualTo(w.endsAtNanos());
  }

  /**
   * On a stationary recording MSER may still cut a stretch of noise (it never cuts past half); what
   * is kept describes the system as well as the whole does.
   */
  @Test
  void shouldKeepTheMedianWhenTheRecordingIsStationary() {
    Recording whole = recording(200, 0, 1.0);
    WarmUp w = WarmUp.detect(whole);
    assertThat(w.droppedSeconds()).as("%s", w).isLessThanOrEqualTo(100.0);
    assertThat(medianLatency(w.apply(whole)))
        .isCloseTo(medianLatency(whole), org.assertj.core.api.Assertions.withinPercentage(3));
  }

  private static double medianLatency(Recording r) {
    return r.spans().stream()
        .mapToLong(Span::durationNanos)
        .sorted()
        .skip(r.spans().size() / 2)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldSayItReachedTheLimitWhenTheWarmUpNeverEnds() {
    WarmUp w = WarmUp.detect(recording(200, -1, 3.0));
    assertThat(w.atLimit()).as("%s", w).isTrue();
    assertThat(w.droppedSeconds()).isEqualTo(100.0);
  }

  @Test
  void shouldDropNothingWhenNoEndpointHasEnoughBusySeconds() {
    WarmUp w = WarmUp.detect(recording(30, 10, 3.0));
    assertThat(w.droppedSeconds()).isZero();
    assertThat(w.byEndpoint()).isEmpty();
  }

  @Test
  void shouldChooseTheTruncationThatMinimisesTheStandardErrorWhenGivenBatchMeans() {
    // Two high batches then a flat series: dropping exactly them leaves zero variance.
    assertThat(WarmUp.truncation(new double[] {9, 8, 1, 1, 1, 1, 1, 1})).isEqualTo(2);
    assertThat(WarmUp.truncation(new double[] {1, 1, 1, 1, 1, 1})).isZero();
  }
}
