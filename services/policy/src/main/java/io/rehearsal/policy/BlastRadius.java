package io.rehearsal.policy;

import java.util.List;

/**
 * Estimated reach of a remediation in production.
 *
 * @param trafficFraction fraction of entry traffic crossing the target, in [0, 1]
 * @param replicas replicas the action starts, stops or restarts (>= 0)
 * @param services services whose behaviour the action changes directly
 * @param regions regions the action touches
 */
public record BlastRadius(
    double trafficFraction, int replicas, List<String> services, List<String> regions) {

  /** Nothing estimated: zero reach. */
  public static final BlastRadius NONE = new BlastRadius(0, 0, List.of(), List.of());

  /** Copies the lists and checks the ranges. */
  public BlastRadius {
    if (!(trafficFraction >= 0 && trafficFraction <= 1)) {
      throw new IllegalArgumentException(
          "blast_radius.traffic_fraction must be in [0, 1], but was " + trafficFraction);
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("blast_radius.replicas must be >= 0, but was " + replicas);
    }
    services = List.copyOf(services);
    regions = List.copyOf(regions);
  }
}
