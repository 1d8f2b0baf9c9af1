package io.rehearsal.telemetry;

/** The role of a span in a trace, as OpenTelemetry defines it. */
public enum SpanKind {
  /** Handles a synchronous request: one request to an endpoint of a service. */
  SERVER,
  /** Makes a synchronous request to another service or an external dependency. */
  CLIENT,
  /** Work inside a service that crosses no process boundary. */
  INTERNAL,
  /** Hands a message to a broker or queue (asynchronous call). */
  PRODUCER,
  /** Processes a message taken from a broker or queue. */
  CONSUMER;

  /** True for kinds that represent a request served by an endpoint (SERVER, CONSUMER). */
  public boolean servesRequest() {
    return this == SERVER || this == CONSUMER;
  }

  /** True for kinds that represent an outgoing call (CLIENT, PRODUCER). */
  public boolean callsOut() {
    return this == CLIENT || this == PRODUCER;
  }
}
