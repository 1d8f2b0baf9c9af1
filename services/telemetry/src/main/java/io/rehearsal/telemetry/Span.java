package io.rehearsal.telemetry;

import java.util.Map;

/**
 * One finished span, reduced to what the twin learns from: who served or made the call, when, how
 * long, and whether it failed. Identifiers are kept as numbers (a trace id is 128 bits, a span id
 * 64), so a span is small on the ingestion path.
 *
 * @param traceIdHigh the upper 64 bits of the trace id
 * @param traceIdLow the lower 64 bits of the trace id (the trace id is not all zeros)
 * @param spanId the span id, never 0
 * @param parentSpanId the parent span's id, or 0 for a root span
 * @param service the {@code service.name} of the process that recorded the span
 * @param name the span name as recorded
 * @param endpoint the endpoint key, e.g. {@code GET /cart}: method and route of a SERVER span, else
 *     the span name
 * @param kind the span kind
 * @param startNanos start, epoch nanoseconds (> 0)
 * @param endNanos end, epoch nanoseconds, not before the start
 * @param error whether the span's status is an error
 * @param httpStatus the HTTP response status code, or 0 when the span has none
 * @param peer for CLIENT and PRODUCER spans, the called service or server address ({@code
 *     peer.service}, else {@code server.address}); for a database call {@link #DATABASE_PEER}
 *     followed by the database system and name; empty when unknown or not a call
 */
public record Span(
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    long parentSpanId,
    String service,
    String name,
    String endpoint,
    SpanKind kind,
    long startNanos,
    long endNanos,
    boolean error,
    int httpStatus,
    String peer) {

  /** How the peer of a database call starts: {@code db:<system>[:<namespace or address>]}. */
  public static final String DATABASE_PEER = "db:";

  /** Validates the span; messages name the field and the bad value. */
  public Span {
    if (traceIdHigh == 0 && traceIdLow == 0) {
      throw new IllegalArgumentException("traceId must not be all zeros");
    }
    if (spanId == 0) {
      throw new IllegalArgumentException("spanId must not be all zeros");
    }
    if (parentSpanId == spanId) {
      throw new IllegalArgumentException(
          "parentSpanId must differ from spanId, but both were " + SpanIds.spanIdHex(spanId));
    }
    Fields.name("service", service);
    Fields.name("name", name);
    Fields.name("endpoint", endpoint);
    Fields.present("kind", kind);
    Fields.positive("startNanos", startNanos);
    checkEnd(startNanos, endNanos);
    checkHttpStatus(httpStatus);
    Fields.present("peer", peer);
  }

  /** True when the span has no parent. */
  public boolean isRoot() {
    return parentSpanId == 0;
  }

  /** End minus start, in nanoseconds. */
  public long durationNanos() {
    return endNanos - startNanos;
  }

  /** The trace id as 32 lower-case hex digits. */
  public String traceIdHex() {
    return SpanIds.traceIdHex(traceIdHigh, traceIdLow);
  }

  /** The span id as 16 lower-case hex digits. */
  public String spanIdHex() {
    return SpanIds.spanIdHex(spanId);
  }

  private static void checkEnd(long startNanos, long endNanos) {
    if (endNanos < startNanos) {
      throw new IllegalArgumentException(
          "endNanos must not be before startNanos " + startNanos + ", but was " + endNanos);
    }
  }

  private static void checkHttpStatus(int httpStatus) {
    if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
      throw new IllegalArgumentException(
          "httpStatus must be 0 (none) or between 100 and 599, but was " + httpStatus);
    }
  }

  /**
   * The nearest ancestor of this span that serves a request (a SERVER or CONSUMER span), found
   * through {@code byId} (span id to span of the same trace); null if the chain breaks, reaches the
   * root first, or is longer than 64 hops (a cycle in corrupt data).
   */
  public Span requestAbove(Map<Long, Span> byId) {
    Span current = this;
    for (int hop = 0; hop < 64 && !current.isRoot(); hop++) {
      current = byId.get(current.parentSpanId());
      if (current == null) {
        return null;
      }
      if (current.kind().servesRequest()) {
        return current;
      }
    }
    return null;
  }
}
