package io.rehearsal.telemetry;

/** Identifies an endpoint: (service, endpoint). */
record EndpointKey(String service, String endpoint) implements Comparable<EndpointKey> {

  static EndpointKey of(Span span) {
    return new EndpointKey(span.service(), span.endpoint());
  }

  @Override
  public int compareTo(EndpointKey other) {
    int byService = service.compareTo(other.service);
    return byService != 0 ? byService : endpoint.compareTo(other.endpoint);
  }
}
