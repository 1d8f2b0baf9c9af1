package io.rehearsal.store;

/** The outcome of a change to a stored incident. A "no" is a value, not an exception. */
public sealed interface IncidentWrite {

  /**
   * Applied.
   *
   * @param revision the incident's new revision
   */
  record Ok(long revision) implements IncidentWrite {}

  /**
   * Not applied: the incident is at another revision (re-read and retry). A write whose reply was
   * lost and that Lettuce re-sent also answers this; the re-read shows it applied.
   *
   * @param currentRevision the revision now
   * @param currentStage the stage now
   */
  record Conflict(long currentRevision, IncidentLifecycle.Stage currentStage)
      implements IncidentWrite {}

  /**
   * Not applied: the incident cannot go from its stage to the one asked for (e.g. resolved to
   * mitigating).
   *
   * @param currentStage the stage now
   */
  record Illegal(IncidentLifecycle.Stage currentStage) implements IncidentWrite {}

  /** Not applied: no incident has this id (or it is no longer retained). */
  record NotFound() implements IncidentWrite {}
}
