package io.rehearsal.ml.incident;

/**
 * A change of one incident.
 *
 * @param type what changed
 * @param epochSecond the second it changed in
 * @param incident the incident after the change
 */
public record IncidentEvent(Type type, long epochSecond, Incident incident) {

  /** Kinds of change. */
  public enum Type {
    /** A new incident. */
    OPENED,
    /** A live incident took a new symptom. */
    UPDATED,
    /** A resolved incident took a symptom within its cool-down. */
    REOPENED,
    /** An incident was marked as being mitigated. */
    MITIGATING,
    /** An incident had no active symptom for the quiet period. */
    RESOLVED
  }
}
