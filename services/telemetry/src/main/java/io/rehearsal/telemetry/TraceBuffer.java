package io.rehearsal.telemetry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Spans held per trace until the trace is complete enough to resolve its call graph: until the
 * watermark passes the trace's latest end plus the grace. Bounded: beyond {@code maxSpans} the
 * traces seen first are resolved early.
 */
final class TraceBuffer {

  private record TraceKey(long high, long low) {}

  private static final class Pending {
    private final List<Span> spans = new ArrayList<>(4);
    private long maxEndNanos = Long.MIN_VALUE;
  }

  private final Map<TraceKey, Pending> traces = new LinkedHashMap<>();
  private final int maxSpans;
  private int spans;
  private long resolvedEarly;

  TraceBuffer(int maxSpans) {
    this.maxSpans = maxSpans;
  }

  /** Holds a span; resolves the oldest traces through {@code resolve} if the bound is passed. */
  void add(Span span, Consumer<List<Span>> resolve) {
    Pending trace =
        traces.computeIfAbsent(
            new TraceKey(span.traceIdHigh(), span.traceIdLow()), key -> new Pending());
    trace.spans.add(span);
    trace.maxEndNanos = Math.max(trace.maxEndNanos, span.endNanos());
    spans++;
    while (spans > maxSpans) {
      resolvedEarly++;
      removeFirst(resolve);
    }
  }

  /** Resolves every trace whose latest span ended at or before {@code cutoffNanos}. */
  void expire(long cutoffNanos, Consumer<List<Span>> resolve) {
    Iterator<Pending> pending = traces.values().iterator();
    while (pending.hasNext()) {
      Pending trace = pending.next();
      if (trace.maxEndNanos <= cutoffNanos) {
        pending.remove();
        spans -= trace.spans.size();
        resolve.accept(trace.spans);
      }
    }
  }

  /** Resolves every held trace. */
  void drain(Consumer<List<Span>> resolve) {
    expire(Long.MAX_VALUE, resolve);
  }

  int size() {
    return spans;
  }

  long resolvedEarly() {
    return resolvedEarly;
  }

  private void removeFirst(Consumer<List<Span>> resolve) {
    Iterator<Pending> first = traces.values().iterator();
    Pending trace = first.next();
    first.remove();
    spans -= trace.spans.size();
    resolve.accept(trace.spans);
  }
}
