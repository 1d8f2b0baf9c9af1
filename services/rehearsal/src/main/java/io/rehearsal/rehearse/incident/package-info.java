/**
 * Incidents as the sandbox sees them: the observed symptoms after a fault's onset (per-endpoint
 * latency, error and throughput series), an optional healthy baseline and an optional label (the
 * injected fault's kind and target, for evaluating fault fitting). {@link
 * io.rehearsal.rehearse.incident.IncidentFiles} reads and writes the YAML incident file; {@link
 * io.rehearsal.rehearse.incident.Incidents} extracts symptoms from a recording; {@link
 * io.rehearsal.rehearse.incident.LabelKind} is the one table from label kinds to the twin's fault
 * kinds.
 */
package io.rehearsal.rehearse.incident;
