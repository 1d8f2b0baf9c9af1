/**
 * Root cause: ranked suspects for an incident from the anomalies and the call graph. {@link
 * io.rehearsal.ml.rca.RcaInputBuilder} turns per-request observations (served requests, calls,
 * instances, pool gauges) into window statistics before and during the incident; {@link
 * io.rehearsal.ml.rca.RootCauseRanker} scores each service's and dependency's own anomaly per fault
 * kind, runs a personalized random walk over the anomalous call graph (MonitorRank/MicroRCA style)
 * and returns {@link io.rehearsal.ml.rca.Suspect}s, each with the reasons it was suspected.
 * Deterministic: the same input gives the same suspects in the same order.
 */
package io.rehearsal.ml.rca;
