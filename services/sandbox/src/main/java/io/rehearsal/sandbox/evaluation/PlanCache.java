package io.rehearsal.sandbox.evaluation;

import io.rehearsal.rehearse.evaluation.JobRunner;
import io.rehearsal.store.JobQueue;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.TwinSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A worker process's runners of recent batches: the plan is read from the queue and its twin from
 * the snapshots once per batch, then reused for every job of the batch.
 */
final class PlanCache {

  private static final int KEPT = 8;

  private final JobQueue queue;
  private final TwinSnapshots snapshots;
  private final Map<String, JobRunner> runners =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobRunner> eldest) {
          return size() > KEPT;
        }
      };

  PlanCache(JobQueue queue, TwinSnapshots snapshots) {
    this.queue = queue;
    this.snapshots = snapshots;
  }

  /**
   * The runner of a batch, or empty when the batch is gone (finished or expired).
   *
   * @throws IllegalStateException if the plan names a twin snapshot that is not stored
   */
  synchronized Optional<JobRunner> runner(String batch) {
    JobRunner cached = runners.get(batch);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> plan = queue.plan(batch);
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    PlanDocument doc = PlanDocument.decode(plan.get());
    byte[] twin =
        snapshots
            .get(new SnapshotId(doc.twinSnapshot()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "twin snapshot " + doc.twinSnapshot() + " is not stored"));
    JobRunner runner = new JobRunner(doc.toPlan(Fork.parse(twin)));
    runners.put(batch, runner);
    return Optional.of(runner);
  }
}
