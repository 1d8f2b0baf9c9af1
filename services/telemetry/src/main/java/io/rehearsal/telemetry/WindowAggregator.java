package io.rehearsal.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts spans and metric points into fixed windows per (service, endpoint): request count and rate,
 * errors, a latency histogram, in-flight requests (Little's law), call-graph edges with calls per
 * parent request, and metric series.
 *
 * <p>Time is event time: the caller says how far it has got with {@link #advanceTo(long)} (a live
 * receiver passes its clock, a file replay the latest end seen) and gets back the windows that
 * closed. A span counts in the window holding its end. Calls are attributed once their trace is
 * complete (its last span ended {@code traceGrace} ago) to the window of the request that made
 * them. Memory is bounded by {@link WindowConfig}: what would pass a bound is counted in {@link
 * #stats()} and dropped, never buffered.
 *
 * <p>Not thread-safe: one thread feeds an aggregator.
 *
 * <pre>{@code
 * WindowAggregator windows = new WindowAggregator(WindowConfig.defaults());
 * spans.forEach(windows::add);
 * for (ClosedWindow closed : windows.advanceTo(nowNanos)) { store(closed); }
 * }</pre>
 */
public final class WindowAggregator {

  private final WindowConfig config;
  private final long lengthNanos;
  private final TreeMap<Long, OpenWindow> open = new TreeMap<>();
  private final TraceBuffer traces;
  private final TraceCalls.Sink callSink = new CallSink();
  private long closedBefore = Long.MIN_VALUE;
  private long spans;
  private long metricPoints;
  private long lateSpans;
  private long latePoints;
  private long overflow;
  private long lateCalls;
  private long unresolvedCalls;

  /** An aggregator with no open window. */
  public WindowAggregator(WindowConfig config) {
    this.config = Fields.present("config", config);
    this.lengthNanos = config.length().toNanos();
    this.traces = new TraceBuffer(config.maxBufferedSpans());
  }

  /** Takes a span; counts it as late or overflow instead when its window cannot take it. */
  public void add(Span span) {
    spans++;
    OpenWindow window = windowAt(span.endNanos());
    if (window == null) {
      lateSpans += span.endNanos() < closedBefore ? 1 : 0;
      overflow += span.endNanos() < closedBefore ? 0 : 1;
      return;
    }
    if (span.kind().servesRequest() && !window.request(span)) {
      overflow++;
    }
    traces.add(span, this::resolve);
  }

  /** Takes a metric point; counts it as late or overflow instead when its window cannot take it. */
  public void add(MetricPoint point) {
    metricPoints++;
    OpenWindow window = windowAt(point.timeNanos());
    if (window == null) {
      latePoints += point.timeNanos() < closedBefore ? 1 : 0;
      overflow += point.timeNanos() < closedBefore ? 0 : 1;
    } else if (!window.point(point)) {
      overflow++;
    }
  }

  /**
   * Moves event time to {@code nowNanos}: resolves traces whose grace has passed, then closes the
   * windows that ended at least {@code lateness} ago.
   *
   * @return the closed windows, oldest first
   */
  public List<ClosedWindow> advanceTo(long nowNanos) {
    traces.expire(saturatedMinus(nowNanos, config.traceGrace().toNanos()), this::resolve);
    long cutoff = saturatedMinus(nowNanos, config.lateness().toNanos());
    List<ClosedWindow> closed = new ArrayList<>();
    while (!open.isEmpty() && open.firstKey() + lengthNanos <= cutoff) {
      closed.add(open.pollFirstEntry().getValue().close());
    }
    closedBefore = Math.max(closedBefore, Math.floorDiv(cutoff, lengthNanos) * lengthNanos);
    return closed;
  }

  /** Resolves every held trace and closes every open window, e.g. at the end of a file. */
  public List<ClosedWindow> flush() {
    traces.drain(this::resolve);
    List<ClosedWindow> closed = new ArrayList<>();
    for (Map.Entry<Long, OpenWindow> entry : open.entrySet()) {
      closed.add(entry.getValue().close());
      closedBefore = Math.max(closedBefore, entry.getKey() + lengthNanos);
    }
    open.clear();
    return closed;
  }

  /** The counters so far. */
  public AggregatorStats stats() {
    return new AggregatorStats(
        spans,
        metricPoints,
        lateSpans,
        latePoints,
        overflow,
        lateCalls,
        unresolvedCalls,
        traces.resolvedEarly(),
        traces.size(),
        open.size());
  }

  /** The configuration this aggregator runs with. */
  public WindowConfig config() {
    return config;
  }

  private OpenWindow windowAt(long timeNanos) {
    long start = Math.floorDiv(timeNanos, lengthNanos) * lengthNanos;
    if (start < closedBefore) {
      return null;
    }
    OpenWindow window = open.get(start);
    if (window == null && open.size() < config.maxOpenWindows()) {
      window =
          new OpenWindow(
              start, lengthNanos, config.significantDigits(), config.maxSeriesPerWindow());
      open.put(start, window);
    }
    return window;
  }

  private void resolve(List<Span> trace) {
    TraceCalls.resolve(trace, callSink);
  }

  private static long saturatedMinus(long a, long b) {
    long result = a - b;
    return ((a ^ b) & (a ^ result)) < 0 ? Long.MIN_VALUE : result;
  }

  private final class CallSink implements TraceCalls.Sink {
    @Override
    public void call(EdgeKey key, Span parent, boolean error, boolean firstOfParent) {
      long start = Math.floorDiv(parent.endNanos(), lengthNanos) * lengthNanos;
      OpenWindow window = open.get(start);
      if (window == null) {
        lateCalls++;
      } else if (!window.call(key, error, firstOfParent)) {
        overflow++;
      }
    }

    @Override
    public void unresolved(Span call) {
      unresolvedCalls++;
    }
  }
}
