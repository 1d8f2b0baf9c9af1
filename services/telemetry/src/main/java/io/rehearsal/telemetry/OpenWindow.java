package io.rehearsal.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/** A window still taking telemetry: mutable accumulators per endpoint, edge and metric series. */
final class OpenWindow {

  private static final class Requests {
    private final Histogram latency;
    private long count;
    private long errors;
    private long durationSumNanos;

    Requests(int significantDigits) {
      latency = LatencyHistogram.newRecorder(significantDigits);
    }
  }

  private static final class Calls {
    private long count;
    private long errors;
    private long callingRequests;
  }

  private final long startNanos;
  private final long lengthNanos;
  private final int significantDigits;
  private final int maxSeries;
  private final Map<EndpointKey, Requests> endpoints = new HashMap<>();
  private final Map<EdgeKey, Calls> edges = new HashMap<>();
  private final Map<SeriesKey, SeriesAccumulator> series = new HashMap<>();

  OpenWindow(long startNanos, long lengthNanos, int significantDigits, int maxSeries) {
    this.startNanos = startNanos;
    this.lengthNanos = lengthNanos;
    this.significantDigits = significantDigits;
    this.maxSeries = maxSeries;
  }

  /** Records a served request; false when the series bound dropped it. */
  boolean request(Span span) {
    Requests requests =
        slot(endpoints, EndpointKey.of(span), () -> new Requests(significantDigits));
    if (requests == null) {
      return false;
    }
    requests.count++;
    requests.errors += span.error() ? 1 : 0;
    requests.durationSumNanos += span.durationNanos();
    LatencyHistogram.record(requests.latency, span.durationNanos());
    return true;
  }

  /** Records a call on an edge; false when the series bound dropped it. */
  boolean call(EdgeKey key, boolean error, boolean firstOfParent) {
    Calls calls = slot(edges, key, Calls::new);
    if (calls == null) {
      return false;
    }
    calls.count++;
    calls.errors += error ? 1 : 0;
    calls.callingRequests += firstOfParent ? 1 : 0;
    return true;
  }

  /** Records a metric point; false when the series bound dropped it. */
  boolean point(MetricPoint point) {
    SeriesKey key = SeriesKey.of(point);
    SeriesAccumulator accumulator = slot(series, key, () -> new SeriesAccumulator(point));
    if (accumulator == null) {
      return false;
    }
    accumulator.add(point);
    return true;
  }

  long startNanos() {
    return startNanos;
  }

  /** The immutable result, each list sorted by key. */
  ClosedWindow close() {
    return new ClosedWindow(startNanos, lengthNanos, endpointWindows(), callEdges(), metrics());
  }

  private List<EndpointWindow> endpointWindows() {
    List<EndpointWindow> out = new ArrayList<>(endpoints.size());
    endpoints.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(endpointWindow(e.getKey(), e.getValue())));
    return out;
  }

  private EndpointWindow endpointWindow(EndpointKey key, Requests r) {
    return new EndpointWindow(
        key.service(),
        key.endpoint(),
        lengthNanos,
        r.count,
        r.errors,
        r.durationSumNanos,
        LatencyHistogram.snapshot(r.latency));
  }

  private List<CallEdge> callEdges() {
    List<CallEdge> out = new ArrayList<>(edges.size());
    edges.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(callEdge(e.getKey(), e.getValue())));
    return out;
  }

  private CallEdge callEdge(EdgeKey key, Calls c) {
    Requests parent = endpoints.get(key.parent());
    return new CallEdge(
        key.parentService(),
        key.parentEndpoint(),
        key.childService(),
        key.childEndpoint(),
        key.external(),
        c.count,
        c.errors,
        c.callingRequests,
        parent == null ? 0 : parent.count);
  }

  private List<MetricSeries> metrics() {
    List<MetricSeries> out = new ArrayList<>(series.size());
    series.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(e.getValue().toSeries()));
    return out;
  }

  private int seriesCount() {
    return endpoints.size() + edges.size() + series.size();
  }

  private <K, V> V slot(Map<K, V> map, K key, Supplier<V> create) {
    V existing = map.get(key);
    if (existing != null) {
      return existing;
    }
    if (seriesCount() >= maxSeries) {
      return null;
    }
    V created = create.get();
    map.put(key, created);
    return created;
  }
}
