package io.rehearsal.twin.run;

import java.util.List;

/**
 * What one service did in the measured window of a run.
 *
 * @param service service name
 * @param replicaSeconds cost: live replicas integrated over the measured window
 * @param meanReadyReplicas time-average of ready replicas
 * @param utilization busy workers over ready workers
 * @param readyPerBucket ready replicas at the start of each time bucket
 * @param decisions the autoscaler's decisions, in order
 */
public record ServiceResult(
    String service,
    double replicaSeconds,
    double meanReadyReplicas,
    double utilization,
    List<Integer> readyPerBucket,
    List<ScalingDecision> decisions) {
  /** Copies the lists. */
  public ServiceResult {
    readyPerBucket = List.copyOf(readyPerBucket);
    decisions = List.copyOf(decisions);
  }

  /**
   * One autoscaler sync.
   *
   * @param time simulated time
   * @param current desired replicas before the sync
   * @param readyReplicas time-average of ready replicas over the last period
   * @param metric metric per ready replica averaged over the last period
   * @param recommendation current if |metric / target - 1| <= tolerance, else ceil(readyReplicas *
   *     metric / target)
   * @param desired the new desired replicas after stabilisation and min/max
   */
  public record ScalingDecision(
      double time,
      int current,
      double readyReplicas,
      double metric,
      int recommendation,
      int desired) {}
}
