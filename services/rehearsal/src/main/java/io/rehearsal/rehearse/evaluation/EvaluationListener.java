package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.RunResult;
import java.util.List;

/**
 * Watches an evaluation run in this process, e.g. to draw progress or to keep time series ({@link
 * SeriesCollector}). A listener only observes: the evaluation's result is the same with or without
 * one, bit for bit.
 */
public interface EvaluationListener {
  /** A listener that ignores everything. */
  EvaluationListener NONE = new EvaluationListener() {};

  /**
   * A stage's jobs were issued; called on the coordinating thread before they run.
   *
   * @param stage 1-based stage number
   * @param jobs the stage's jobs
   */
  default void stageStarted(int stage, List<Job> jobs) {}

  /**
   * One replication of one arm finished. Called from the worker threads, possibly at the same time.
   *
   * @param arm 0 for "do nothing", i for candidate i - 1
   * @param replication replication index
   * @param run the simulation's full result
   */
  default void replicationFinished(int arm, int replication, RunResult run) {}
}
