package io.rehearsal.telemetry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the calls in one trace: each CLIENT/PRODUCER span, attributed to the request (nearest
 * SERVER/CONSUMER ancestor) that made it and to the SERVER span that answered it or else the
 * dependency it named; and each SERVER span whose parent is directly a request of another service
 * (a caller that propagated context without a CLIENT span).
 */
final class TraceCalls {

  /** Receives the calls of a trace. */
  interface Sink {
    /**
     * One call.
     *
     * @param key the edge
     * @param parent the request that made the call
     * @param error whether the call failed
     * @param firstOfParent true for the first call on this edge by this parent request
     */
    void call(EdgeKey key, Span parent, boolean error, boolean firstOfParent);

    /** A call with no request above it in the trace (its parents are missing or not requests). */
    void unresolved(Span call);
  }

  /** Deeper chains of INTERNAL spans than this are treated as broken (and cycles end). */
  private record ParentEdge(long parentSpanId, EdgeKey key) {}

  private final Map<Long, Span> byId = new HashMap<>();
  private final Map<Long, Span> answerByCaller = new HashMap<>();
  private final Set<ParentEdge> seen = new HashSet<>();

  private TraceCalls(List<Span> trace) {
    for (Span span : trace) {
      byId.putIfAbsent(span.spanId(), span);
      if (span.kind().servesRequest() && !span.isRoot()) {
        answerByCaller.putIfAbsent(span.parentSpanId(), span);
      }
    }
  }

  /** Reports every call of {@code trace} to {@code sink}. */
  static void resolve(List<Span> trace, Sink sink) {
    TraceCalls calls = new TraceCalls(trace);
    for (Span span : trace) {
      if (span.kind().callsOut()) {
        calls.clientCall(span, sink);
      } else if (span.kind().servesRequest()) {
        calls.directCall(span, sink);
      }
    }
  }

  private void clientCall(Span call, Sink sink) {
    Span parent = requestAbove(call);
    if (parent == null) {
      sink.unresolved(call);
      return;
    }
    Span answer = answerByCaller.get(call.spanId());
    EdgeKey key =
        answer != null ? EdgeKey.internal(parent, answer) : EdgeKey.external(parent, call);
    report(parent, key, call.error(), sink);
  }

  private void directCall(Span request, Sink sink) {
    Span parent = request.isRoot() ? null : byId.get(request.parentSpanId());
    if (parent != null
        && parent.kind().servesRequest()
        && !parent.service().equals(request.service())) {
      report(parent, EdgeKey.internal(parent, request), request.error(), sink);
    }
  }

  private void report(Span parent, EdgeKey key, boolean error, Sink sink) {
    boolean first = seen.add(new ParentEdge(parent.spanId(), key));
    sink.call(key, parent, error, first);
  }

  private Span requestAbove(Span call) {
    return call.requestAbove(byId);
  }
}
