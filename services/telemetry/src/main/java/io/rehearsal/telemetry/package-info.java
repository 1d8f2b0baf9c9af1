/**
 * Telemetry as the twin learns from it, free of any wire format: {@link
 * io.rehearsal.telemetry.Span} and {@link io.rehearsal.telemetry.MetricPoint} records (mapped from
 * OTLP by {@code services/otlp}), and the {@link io.rehearsal.telemetry.WindowAggregator} that cuts
 * them into fixed windows per (service, endpoint) — request rate, errors, latency histograms,
 * in-flight requests by Little's law, and call-graph edges with calls per parent request — in
 * bounded memory, driven by a caller's clock. {@link io.rehearsal.telemetry.WindowCodec} is the
 * stored JSON form of a closed window.
 */
package io.rehearsal.telemetry;
