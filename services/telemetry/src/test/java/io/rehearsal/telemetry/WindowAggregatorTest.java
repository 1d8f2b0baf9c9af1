package io.rehearsal.telemetry;

import static io.rehearsal.telemetry.TestSpans.T0;
import static io.rehearsal.telemetry.TestSpans.client;
import static io.rehearsal.telemetry.TestSpans.millis;
import static io.rehearsal.telemetry.TestSpans.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowAggregatorTest {

  private static final long SECOND = 1_000_000_000L;

  /** 1 s windows, 3 s lateness, 2 s trace grace. */
  private static WindowConfig config() {
    return WindowConfig.defaults()
        .withLength(Duration.ofSeconds(1))
        .withLateness(Duration.ofSeconds(3), Duration.ofSeconds(2));
  }

  /** Feeds spans in arrival order (end + up to 1 s delay), advancing time before each. */
  private static List<ClosedWindow> replay(WindowAggregator windows, List<Span> spans, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    record Arrival(long at, Span span) {}
    List<Arrival> arrivals = new ArrayList<>();
    spans.forEach(s -> arrivals.add(new Arrival(s.endNanos() + random.nextLong(SECOND), s)));
    arrivals.sort(Comparator.comparingLong(Arrival::at));
    List<ClosedWindow> closed = new ArrayList<>();
    for (Arrival arrival : arrivals) {
      closed.addAll(windows.advanceTo(arrival.at()));
      windows.add(arrival.span());
    }
    closed.addAll(windows.advanceTo(arrivals.get(arrivals.size() - 1).at() + 10 * SECOND));
    return closed;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 99, 12345, 31337})
  void shouldConserveRequestsErrorsAndCallsWhenSpansArriveOutOfOrder(long seed) {
    RandomTraffic traffic = new RandomTraffic(seed, 3_000, 8 * SECOND);
    WindowAggregator windows = new WindowAggregator(config());

    List<ClosedWindow> closed = replay(windows, traffic.spans, seed);

    traffic.durationsByEndpoint.forEach(
        (key, durations) -> {
          assertThat(sum(closed, key, EndpointWindow::requests))
              .as(key)
              .isEqualTo(durations.size());
          assertThat(sum(closed, key, EndpointWindow::errors))
              .as(key)
              .isEqualTo(traffic.errorsByEndpoint.get(key));
          assertThat(sum(closed, key, e -> e.latency().count())).isEqualTo(durations.size());
          assertThat(sum(closed, key, EndpointWindow::durationSumNanos))
              .isEqualTo(durations.stream().mapToLong(Long::longValue).sum());
        });
    assertThat(edgeSum(closed, "back", false, CallEdge::calls)).isEqualTo(traffic.backCalls);
    assertThat(edgeSum(closed, "back", false, CallEdge::callingRequests))
        .isEqualTo(traffic.requestsCallingBack);
    assertThat(edgeSum(closed, "psp", true, CallEdge::calls)).isEqualTo(traffic.pspCalls);
    AggregatorStats stats = windows.stats();
    assertThat(stats.spans()).isEqualTo(traffic.spans.size());
    assertThat(stats.lateSpans() + stats.lateCalls() + stats.overflow() + stats.unresolvedCalls())
        .isZero();
    assertThat(stats.bufferedSpans()).isZero();
    assertThat(stats.openWindows()).isZero();
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 4, 5})
  void shouldMatchSortedLatenciesWithinPrecisionWhenEndpointsAreMerged(long seed) {
    RandomTraffic traffic = new RandomTraffic(seed, 4_000, 6 * SECOND);
    List<ClosedWindow> closed = replay(new WindowAggregator(config()), traffic.spans, seed);

    traffic.durationsByEndpoint.forEach(
        (key, durations) -> {
          Histogram merged = new Histogram(2);
          closed.stream()
              .flatMap(w -> w.endpoints().stream())
              .filter(e -> key.equals(e.service() + " " + e.endpoint()))
              .forEach(e -> merged.add(e.latency().toHdrHistogramMicros()));
          long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
          for (double q : new double[] {0.5, 0.9, 0.99}) {
            long exact = LatencyHistogramTest.exactQuantile(sorted, q);
            long estimate = merged.getValueAtPercentile(q * 100) * 1_000;
            assertThat(estimate)
                .as("%s q=%s", key, q)
                .isCloseTo(exact, within(exact / 100 + 1_000));
          }
        });
  }

  @Test
  void shouldCountParallelChildrenPerParentRequestWhenFanningOut() {
    WindowAggregator windows = new WindowAggregator(config());
    for (long trace = 1; trace <= 10; trace++) {
      long start = T0 + trace * millis(50);
      long root = trace * 100;
      windows.add(server(trace, root, 0, "front", "GET /", start, start + millis(40)));
      for (long c = 1; c <= 3; c++) {
        windows.add(client(trace, root + c, root, "front", "back", start + 1, start + millis(30)));
        windows.add(
            server(
                trace,
                root + 10 + c,
                root + c,
                "back",
                "GET /item",
                start + 2,
                start + millis(20)));
      }
    }

    ClosedWindow window = windows.flush().get(0);

    CallEdge edge = window.edges().get(0);
    assertThat(edge.calls()).isEqualTo(30);
    assertThat(edge.callingRequests()).isEqualTo(10);
    assertThat(edge.callsPerParentRequest()).isEqualTo(3.0);
    EndpointWindow back = window.endpoint("back", "GET /item").orElseThrow();
    assertThat(back.requests()).isEqualTo(30);
    assertThat(back.inFlight()).isCloseTo(30.0 * (millis(20) - 2) / SECOND, within(1e-12));
    assertThat(back.requestRate()).isEqualTo(30.0);
  }

  @Test
  void shouldCloseWindowOnlyAfterLatenessWhenTimeAdvances() {
    WindowAggregator windows = new WindowAggregator(config());
    windows.add(server(1, 1, 0, "front", "GET /", T0, T0 + millis(10)));

    assertThat(windows.advanceTo(T0 + SECOND + 3 * SECOND - 1)).isEmpty();
    List<ClosedWindow> closed = windows.advanceTo(T0 + SECOND + 3 * SECOND);

    assertThat(closed).extracting(ClosedWindow::startNanos).containsExactly(T0);
  }

  @Test
  void shouldCountLateSpanWithoutReopeningWindowWhenItsWindowClosed() {
    WindowAggregator windows = new WindowAggregator(config());
    windows.advanceTo(T0 + 10 * SECOND);

    windows.add(server(1, 1, 0, "front", "GET /", T0, T0 + millis(10)));

    assertThat(windows.stats().lateSpans()).isEqualTo(1);
    assertThat(windows.flush()).isEmpty();
  }

  @Test
  void shouldDropNewSeriesAndCountOverflowWhenSeriesBoundIsReached() {
    WindowAggregator windows = new WindowAggregator(config().withBounds(1_000, 2, 64));
    for (int i = 0; i < 5; i++) {
      windows.add(server(i + 1, 1, 0, "front", "GET /" + i, T0, T0 + 1));
    }

    assertThat(windows.flush().get(0).endpoints()).hasSize(2);
    assertThat(windows.stats().overflow()).isEqualTo(3);
  }

  @Test
  void shouldResolveOldestTracesEarlyWhenBufferIsFull() {
    WindowAggregator windows = new WindowAggregator(config().withBounds(4, 100, 64));
    for (long trace = 1; trace <= 3; trace++) {
      windows.add(server(trace, 1, 0, "front", "GET /", T0, T0 + millis(5)));
      windows.add(client(trace, 2, 1, "front", "psp", T0 + 1, T0 + millis(4)));
    }

    assertThat(windows.stats().bufferedSpans()).isEqualTo(4);
    assertThat(windows.stats().tracesResolvedEarly()).isEqualTo(1);
    assertThat(windows.flush().get(0).edges().get(0).calls()).isEqualTo(3);
  }

  @Test
  void shouldSummariseMetricSeriesPerWindowWhenPointsArrive() {
    WindowAggregator windows = new WindowAggregator(config());
    Map<String, String> attributes = new HashMap<>(Map.of("state", "user"));
    for (int i = 0; i < 4; i++) {
      windows.add(MetricPoint.gauge("front", "cpu", attributes, T0 + millis(100 * i), 0.1 * i));
    }

    MetricSeries series = windows.flush().get(0).metrics().get(0);

    assertThat(series.points()).isEqualTo(4);
    assertThat(series.last()).isCloseTo(0.3, within(1e-12));
    assertThat(series.mean()).isCloseTo(0.15, within(1e-12));
    assertThat(Arrays.asList(series.min(), series.max())).containsExactly(0.0, 0.30000000000000004);
  }

  private static long sum(
      List<ClosedWindow> closed, String key, java.util.function.ToLongFunction<EndpointWindow> f) {
    return closed.stream()
        .flatMap(w -> w.endpoints().stream())
        .filter(e -> key.equals(e.service() + " " + e.endpoint()))
        .mapToLong(f)
        .sum();
  }

  private static long edgeSum(
      List<ClosedWindow> closed,
      String child,
      boolean external,
      java.util.function.ToLongFunction<CallEdge> f) {
    return closed.stream()
        .flatMap(w -> w.edges().stream())
        .filter(e -> e.childService().equals(child) && e.external() == external)
        .mapToLong(f)
        .sum();
  }
}
