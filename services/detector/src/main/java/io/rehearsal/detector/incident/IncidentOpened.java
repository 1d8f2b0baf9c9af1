package io.rehearsal.detector.incident;

import io.rehearsal.ml.incident.Incident;

/**
 * A stored incident was created, or re-opened after it had been resolved: what the detector's loop
 * starts from.
 *
 * @param id the stored incident's id, e.g. {@code inc-20261207-0001}
 * @param detected the engine's incident that opened it (its id is the engine's, not the store's)
 */
public record IncidentOpened(String id, Incident detected) {}
