package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.spec.FaultKind;

/**
 * One point of the hypothesis space before fitting: a kind and target with the magnitudes to screen
 * and the interval a golden-section search may refine in (log scale).
 *
 * @param kind fault kind
 * @param target fault target
 * @param grid magnitudes simulated when screening
 * @param lo smallest magnitude considered
 * @param hi largest magnitude considered
 * @param continuous whether the magnitude may be refined between grid points
 * @param capacity the target service's replicas for a crash, workers per replica for a worker loss,
 *     else 0
 */
record Hypothesis(
    FaultKind kind,
    String target,
    double[] grid,
    double lo,
    double hi,
    boolean continuous,
    int capacity) {

  static Hypothesis continuous(FaultKind kind, String target, double lo, double hi, double... g) {
    return new Hypothesis(kind, target, g, lo, hi, true, 0);
  }

  static Hypothesis fixed(FaultKind kind, String target, int capacity, double... grid) {
    return new Hypothesis(kind, target, grid, grid[0], grid[grid.length - 1], false, capacity);
  }

  String label() {
    return kind + " " + target;
  }
}
