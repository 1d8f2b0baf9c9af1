package io.rehearsal.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * What a span's attributes say, read in one pass: HTTP method, route and status (current and older
 * semantic conventions), and the peer of a call.
 */
final class SpanFacts {

  String method = "";
  String route = "";
  long httpStatus = -1;
  String peerService = "";
  String serverAddress = "";
  String netPeerName = "";
  String dbSystem = "";
  String dbNamespace = "";

  static SpanFacts of(Span span) {
    SpanFacts facts = new SpanFacts();
    for (KeyValue attribute : span.getAttributesList()) {
      facts.read(attribute);
    }
    return facts;
  }

  private void read(KeyValue attribute) {
    switch (attribute.getKey()) {
      case "http.request.method", "http.method" ->
          method = AttributeValues.text(attribute.getValue());
      case "http.route" -> route = AttributeValues.text(attribute.getValue());
      case "http.response.status_code", "http.status_code" ->
          httpStatus = AttributeValues.integer(attribute.getValue());
      case "peer.service" -> peerService = AttributeValues.text(attribute.getValue());
      case "server.address" -> serverAddress = AttributeValues.text(attribute.getValue());
      case "net.peer.name" -> netPeerName = AttributeValues.text(attribute.getValue());
      case "db.system", "db.system.name" -> dbSystem = AttributeValues.text(attribute.getValue());
      case "db.namespace", "db.name" -> dbNamespace = AttributeValues.text(attribute.getValue());
      default -> {
        // other attributes do not shape the twin
      }
    }
  }

  /** Method and route of an HTTP server span, e.g. {@code GET /cart/{id}}; else the span name. */
  String endpoint(Span span) {
    boolean server = span.getKind() == Span.SpanKind.SPAN_KIND_SERVER;
    return server && !method.isBlank() && !route.isBlank() ? method + " " + route : span.getName();
  }

  /** The HTTP status if it is a plausible one, else 0. */
  int httpStatus() {
    return httpStatus >= 100 && httpStatus <= 599 ? (int) httpStatus : 0;
  }

  /**
   * The called peer: {@code peer.service}, else {@code server.address}, else {@code net.peer.name};
   * for a database call ({@code db.system} or {@code db.system.name} set) {@link
   * Span#DATABASE_PEER} then the system and the namespace ({@code db.namespace}, {@code db.name}),
   * else the server address, e.g. {@code db:postgresql:orders}.
   */
  String peer() {
    if (!dbSystem.isBlank()) {
      String where = !dbNamespace.isBlank() ? dbNamespace : serverAddress;
      return io.rehearsal.telemetry.Span.DATABASE_PEER
          + dbSystem
          + (where.isBlank() ? "" : ":" + where);
    }
    if (!peerService.isBlank()) {
      return peerService;
    }
    return !serverAddress.isBlank() ? serverAddress : netPeerName;
  }

  /**
   * Whether the span failed: an ERROR status, or an unset status on a server span that answered 5xx
   * (as the HTTP semantic conventions define server errors).
   */
  boolean error(Span span) {
    Status.StatusCode code = span.getStatus().getCode();
    if (code == Status.StatusCode.STATUS_CODE_ERROR) {
      return true;
    }
    return code == Status.StatusCode.STATUS_CODE_UNSET
        && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
        && httpStatus() >= 500;
  }
}
