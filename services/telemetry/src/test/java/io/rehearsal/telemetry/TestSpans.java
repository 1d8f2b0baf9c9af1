package io.rehearsal.telemetry;

/** Short ways to make spans in tests. */
final class TestSpans {

  /** An epoch-nanosecond time far from zero, on a second boundary. */
  static final long T0 = 1_700_000_000_000_000_000L;

  private TestSpans() {}

  static Span server(
      long trace, long id, long parent, String service, String endpoint, long start, long end) {
    return new Span(
        0,
        trace,
        id,
        parent,
        service,
        endpoint,
        endpoint,
        SpanKind.SERVER,
        start,
        end,
        false,
        200,
        "");
  }

  static Span client(
      long trace, long id, long parent, String service, String peer, long start, long end) {
    return new Span(
        0, trace, id, parent, service, "GET", "GET", SpanKind.CLIENT, start, end, false, 200, peer);
  }

  static Span internal(long trace, long id, long parent, String service, long start, long end) {
    return new Span(
        0, trace, id, parent, service, "work", "work", SpanKind.INTERNAL, start, end, false, 0, "");
  }

  static Span failed(Span span) {
    return new Span(
        span.traceIdHigh(),
        span.traceIdLow(),
        span.spanId(),
        span.parentSpanId(),
        span.service(),
        span.name(),
        span.endpoint(),
        span.kind(),
        span.startNanos(),
        span.endNanos(),
        true,
        span.kind() == SpanKind.SERVER ? 500 : span.httpStatus(),
        span.peer());
  }

  static long millis(long ms) {
    return ms * 1_000_000L;
  }
}
