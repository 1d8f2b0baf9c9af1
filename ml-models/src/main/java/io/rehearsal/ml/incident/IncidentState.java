package io.rehearsal.ml.incident;

/** Where an incident is in its life: open → mitigating → resolved, and back to open on a flap. */
public enum IncidentState {
  /** Symptoms are active and nobody acts on them yet. */
  OPEN,
  /** A remediation was submitted; the incident stays until its symptoms are gone. */
  MITIGATING,
  /** No symptom for the quiet period; may re-open within the cool-down. */
  RESOLVED;

  /** Whether the incident still takes symptoms. */
  public boolean live() {
    return this != RESOLVED;
  }
}
