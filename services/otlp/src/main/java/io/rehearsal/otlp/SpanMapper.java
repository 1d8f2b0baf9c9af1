package io.rehearsal.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an OTLP trace export to {@link Span} records. A span is rejected, with a reason naming its
 * path in the request, when its resource has no {@code service.name}, its ids are malformed (a
 * trace id must be 16 bytes, a span id 8, neither all zeros; a parent id empty or 8 bytes), its
 * name is blank, or it has no start or ends before it starts. Rejections are counted, never thrown.
 */
public final class SpanMapper {

  private static final String SERVICE_NAME = "service.name";

  private SpanMapper() {}

  /** The valid spans of a request, and the count and first reasons of the rejected ones. */
  public static Mapped<Span> map(ExportTraceServiceRequest request) {
    List<Span> accepted = new ArrayList<>(count(request));
    Rejections rejections = new Rejections();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      mapResource(request.getResourceSpans(r), "resourceSpans[" + r + "]", accepted, rejections);
    }
    return rejections.result(accepted);
  }

  /** How many spans a request holds, without mapping them. */
  public static int count(ExportTraceServiceRequest request) {
    int spans = 0;
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        spans += scope.getSpansCount();
      }
    }
    return spans;
  }

  private static void mapResource(
      ResourceSpans resource, String path, List<Span> accepted, Rejections rejections) {
    String service = AttributeValues.find(resource.getResource().getAttributesList(), SERVICE_NAME);
    if (service.isBlank()) {
      long spans = resource.getScopeSpansList().stream().mapToLong(ScopeSpans::getSpansCount).sum();
      rejections.reject(spans, path, "resource has no service.name; its " + spans + " spans");
      return;
    }
    for (int s = 0; s < resource.getScopeSpansCount(); s++) {
      ScopeSpans scope = resource.getScopeSpans(s);
      for (int i = 0; i < scope.getSpansCount(); i++) {
        String spanPath = path + ".scopeSpans[" + s + "].spans[" + i + "]";
        mapSpan(scope.getSpans(i), service, spanPath, accepted, rejections);
      }
    }
  }

  private static void mapSpan(
      io.opentelemetry.proto.trace.v1.Span span,
      String service,
      String path,
      List<Span> accepted,
      Rejections rejections) {
    String problem = problem(span);
    if (problem != null) {
      rejections.reject(path, problem);
      return;
    }
    SpanFacts facts = SpanFacts.of(span);
    ByteString traceId = span.getTraceId();
    accepted.add(
        new Span(
            longAt(traceId, 0),
            longAt(traceId, 8),
            longAt(span.getSpanId(), 0),
            span.getParentSpanId().isEmpty() ? 0 : longAt(span.getParentSpanId(), 0),
            service,
            span.getName(),
            facts.endpoint(span),
            kind(span.getKind()),
            span.getStartTimeUnixNano(),
            span.getEndTimeUnixNano(),
            facts.error(span),
            facts.httpStatus(),
            kind(span.getKind()).callsOut() ? facts.peer() : ""));
  }

  /** Why a span cannot be taken, or null when it can. */
  static String problem(io.opentelemetry.proto.trace.v1.Span span) {
    if (!validId(span.getTraceId(), 16)) {
      return "traceId must be 16 bytes, not all zeros, but was " + describe(span.getTraceId());
    }
    if (!validId(span.getSpanId(), 8)) {
      return "spanId must be 8 bytes, not all zeros, but was " + describe(span.getSpanId());
    }
    ByteString parent = span.getParentSpanId();
    if (!parent.isEmpty() && (parent.size() != 8 || parent.equals(span.getSpanId()))) {
      return "parentSpanId must be empty or 8 bytes other than spanId, but was " + describe(parent);
    }
    if (span.getName().isBlank()) {
      return "name must not be blank";
    }
    if (span.getStartTimeUnixNano() <= 0) {
      return "startTimeUnixNano must be > 0, but was " + span.getStartTimeUnixNano();
    }
    if (span.getEndTimeUnixNano() < span.getStartTimeUnixNano()) {
      return "endTimeUnixNano "
          + Long.toUnsignedString(span.getEndTimeUnixNano())
          + " is before startTimeUnixNano "
          + span.getStartTimeUnixNano();
    }
    return null;
  }

  private static boolean validId(ByteString id, int size) {
    if (id.size() != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (id.byteAt(i) != 0) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ByteString id) {
    StringBuilder hex = new StringBuilder(id.size() * 2);
    for (int i = 0; i < id.size(); i++) {
      hex.append(Character.forDigit((id.byteAt(i) >> 4) & 0xf, 16));
      hex.append(Character.forDigit(id.byteAt(i) & 0xf, 16));
    }
    return id.size() + " bytes '" + hex + "'";
  }

  private static long longAt(ByteString bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = value << 8 | (bytes.byteAt(offset + i) & 0xffL);
    }
    return value;
  }

  private static SpanKind kind(io.opentelemetry.proto.trace.v1.Span.SpanKind kind) {
    return switch (kind) {
      case SPAN_KIND_SERVER -> SpanKind.SERVER;
      case SPAN_KIND_CLIENT -> SpanKind.CLIENT;
      case SPAN_KIND_PRODUCER -> SpanKind.PRODUCER;
      case SPAN_KIND_CONSUMER -> SpanKind.CONSUMER;
      default -> SpanKind.INTERNAL;
    };
  }
}
