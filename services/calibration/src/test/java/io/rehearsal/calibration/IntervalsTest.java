package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static final long MS = 1_000_000L;

  @Test
  void shouldCountOverlapOnceWhenParallelChildrenOverlap() {
    long covered = Intervals.covered(0, 100, new long[] {10, 20, 60}, new long[] {40, 50, 70});
    assertThat(covered).isEqualTo(50);
  }

  @Test
  void shouldClipChildrenToTheParentWhenTheyOverrunIt() {
    assertThat(Intervals.covered(10, 50, new long[] {0, 45}, new long[] {20, 80})).isEqualTo(15);
  }

  @Test
  void shouldCountNothingWhenThereAreNoChildren() {
    assertThat(Intervals.covered(0, 100, new long[0], new long[0])).isZero();
  }

  @Test
  void shouldSubtractTheUnionNotTheSumWhenARequestRunsCallsInParallel() {
    // 100 ms span; two parallel calls 10-60 and 20-70 ms, then a sequential one 80-90 ms.
    ServedRequest request =
        new ServedRequest(
            span(0, 100),
            "a/x",
            List.of(call("b/y", 10, 60), call("c/z", 20, 70), call("d/w", 80, 90)));
    assertThat(Intervals.selfSeconds(request)).isCloseTo(0.030, within(1e-12));
  }

  private static Span span(long startMs, long endMs) {
    return new Span(
        0,
        1,
        1,
        0,
        "a",
        "x",
        "x",
        SpanKind.SERVER,
        SyntheticTraces.T0 + startMs * MS,
        SyntheticTraces.T0 + endMs * MS,
        false,
        200,
        "");
  }

  private static Call call(String target, long startMs, long endMs) {
    return new Call(
        target,
        false,
        List.of(
            new Attempt(
                SyntheticTraces.T0 + startMs * MS,
                SyntheticTraces.T0 + endMs * MS,
                false,
                200,
                true,
                (endMs - startMs) * MS)));
  }
}
