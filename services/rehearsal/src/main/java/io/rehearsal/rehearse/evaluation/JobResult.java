package io.rehearsal.rehearse.evaluation;

import java.util.List;

/**
 * What running a {@link Job} produced: one outcome per replication, in replication order. Encoded
 * with {@link JobCodec}; decoding an encoding gives an equal record, bit for bit.
 *
 * @param job the job
 * @param outcomes {@code job.size()} outcomes, replication {@code job.from() + i} at index i
 */
public record JobResult(Job job, List<ReplicationOutcome> outcomes) {
  /** Validates the size and copies the list. */
  public JobResult {
    outcomes = List.copyOf(outcomes);
    if (outcomes.size() != job.size()) {
      throw new IllegalArgumentException(
          "outcomes must have " + job.size() + " entries, but had " + outcomes.size());
    }
  }
}
