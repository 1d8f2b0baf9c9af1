package io.rehearsal.store;

import java.util.List;
import java.util.OptionalLong;

/**
 * One incident as {@link IncidentLifecycle} keeps it: its stage, revision and timeline, which the
 * store maintains, and the caller's bytes.
 *
 * @param id the id the store gave it, e.g. {@code inc-20261207-0001}
 * @param revision 1 when opened, one more with every change
 * @param stage where it is in its life
 * @param openedMillis when it was opened (caller's clock)
 * @param changedMillis when it last changed
 * @param resolvedMillis when it was last resolved; empty while live
 * @param reopened how many times it re-opened instead of a new incident
 * @param payload the caller's bytes
 * @param timeline every change of stage, oldest first; the first is the opening
 */
public record IncidentRecord(
    String id,
    long revision,
    IncidentLifecycle.Stage stage,
    long openedMillis,
    long changedMillis,
    OptionalLong resolvedMillis,
    int reopened,
    byte[] payload,
    List<Change> timeline) {

  /** Copies the timeline. */
  public IncidentRecord {
    timeline = List.copyOf(timeline);
  }

  /**
   * One change of stage.
   *
   * @param stage the stage entered
   * @param atMillis when (caller's clock)
   * @param reason why, as the caller said (or the store, for a re-opening)
   */
  public record Change(IncidentLifecycle.Stage stage, long atMillis, String reason) {}
}
