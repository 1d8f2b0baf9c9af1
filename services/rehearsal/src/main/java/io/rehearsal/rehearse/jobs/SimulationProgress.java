package io.rehearsal.rehearse.jobs;

/** Told about the simulation jobs of one evaluation as their results are merged. */
@FunctionalInterface
public interface SimulationProgress {

  /** Ignores everything. */
  SimulationProgress NONE = (done, total, eliminated, message) -> {};

  /**
   * Work done so far.
   *
   * @param jobsDone jobs merged
   * @param jobsTotal jobs planned so far (grows with each stage)
   * @param candidatesEliminated candidates the ranking-and-selection procedure has dropped
   * @param message e.g. "stage 2: 15 replications per surviving arm"
   */
  void progress(long jobsDone, long jobsTotal, int candidatesEliminated, String message);
}
