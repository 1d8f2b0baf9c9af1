package io.rehearsal.rehearse.evaluation;

/**
 * A unit of simulation work: replications {@code [from, to)} of one arm of an {@link
 * EvaluationPlan}. Encoded with {@link JobCodec} to travel between processes.
 *
 * @param arm 0 for "do nothing", i for candidate i - 1
 * @param from first replication (inclusive)
 * @param to last replication (exclusive), > from
 */
public record Job(int arm, int from, int to) {
  /** Validates the ranges. */
  public Job {
    if (arm < 0 || from < 0 || to <= from) {
      throw new IllegalArgumentException(
          "job must have arm >= 0 and 0 <= from < to, but was " + arm + ", " + from + ", " + to);
    }
  }

  /** Number of replications. */
  public int size() {
    return to - from;
  }
}
