/**
 * Incidents from telemetry: per-endpoint requests in, incidents out. SLO burn-rate alerts
 * (multi-window, multi-burn-rate) for endpoints with an SLO, robust-baseline anomalies (latency,
 * error rate, throughput) for every endpoint, services whose requests stop overlapping (served one
 * at a time: lost workers), and grouping of simultaneous symptoms that are close in the call graph
 * into one incident. Time is whatever the caller says it is ({@link
 * io.rehearsal.ml.incident.IncidentEngine#advanceTo}), so a replay runs in simulated time and the
 * same input always gives the same incidents.
 */
package io.rehearsal.ml.incident;
