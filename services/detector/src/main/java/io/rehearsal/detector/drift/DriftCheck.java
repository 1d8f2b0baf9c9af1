package io.rehearsal.detector.drift;

import io.rehearsal.calibration.fidelity.DriftReport;
import io.rehearsal.store.SnapshotId;
import java.util.List;
import java.util.Optional;

/**
 * The result of one drift check.
 *
 * @param outcome what the check could do
 * @param snapshot the current twin, when there is one
 * @param windowStarts starts of the windows compared (epoch nanoseconds), newest first
 * @param report the comparison, when the twin's entries had traffic
 * @param stale whether the current twin is stale after the check
 */
public record DriftCheck(
    Outcome outcome,
    Optional<SnapshotId> snapshot,
    List<Long> windowStarts,
    Optional<DriftReport> report,
    boolean stale) {

  /** What a check could do. */
  public enum Outcome {
    /** Compared: the report holds the drift. */
    MEASURED,
    /** No current twin is set. */
    NO_TWIN,
    /** None of the twin's entry endpoints had requests in the recent windows. */
    NO_TRAFFIC,
    /** Most recent windows overlap an incident; the previous values stand. */
    PAUSED_BY_INCIDENT,
    /** The store or the twin failed; the previous values stand. */
    FAILED
  }

  /** Copies the list. */
  public DriftCheck {
    windowStarts = List.copyOf(windowStarts);
  }

  static DriftCheck of(Outcome outcome) {
    return new DriftCheck(outcome, Optional.empty(), List.of(), Optional.empty(), false);
  }
}
