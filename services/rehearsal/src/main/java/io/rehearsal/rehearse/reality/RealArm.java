package io.rehearsal.rehearse.reality;

import java.util.List;

/**
 * One arm's real outcome over the measured window, in the units of the rehearsal's utility ({@link
 * io.rehearsal.rehearse.evaluation.Objectives}).
 *
 * @param utility graded SLO attainment minus cost weight x replica-seconds
 * @param gradedAttainment weighted mean over the SLOs of the good-event shares at 1, 2 and 4 x the
 *     latency threshold, in [0, 1]
 * @param attainment the same at 1 x the threshold only (the headline attainment), in [0, 1]
 * @param replicaSeconds live service replicas integrated over the window
 * @param blockUtilities the utility of each of the window's equal time blocks, scaled to the whole
 *     window's cost, for the paired intervals between arms ({@link PairedInterval})
 * @param perSlo per SLO, in the SLOs' order: its headline good-event share and its event counts
 */
public record RealArm(
    double utility,
    double gradedAttainment,
    double attainment,
    double replicaSeconds,
    List<Double> blockUtilities,
    List<SloCount> perSlo) {
  /** Copies the lists. */
  public RealArm {
    blockUtilities = List.copyOf(blockUtilities);
    perSlo = List.copyOf(perSlo);
  }

  /**
   * The events of one SLO's endpoint over the window.
   *
   * @param endpoint {@code service/endpoint}
   * @param sampledRequests requests seen as SERVER spans (of the sampled traces)
   * @param unseenBad requests turned away before a worker or never answered (rejected, shed, rate
   *     limited, refused connections), counted in full, not sampled
   * @param attainment headline good-event share, in [0, 1]
   */
  public record SloCount(
      String endpoint, long sampledRequests, long unseenBad, double attainment) {}
}
