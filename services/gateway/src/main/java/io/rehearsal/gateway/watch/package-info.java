/**
 * Decision watches: the journal's event stream, filtered, resumable after any event's cursor, with
 * a snapshot of the live decisions when started without one. Plain Java (no Quarkus or gRPC).
 */
package io.rehearsal.gateway.watch;
