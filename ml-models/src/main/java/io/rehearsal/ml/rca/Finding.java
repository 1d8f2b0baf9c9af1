package io.rehearsal.ml.rca;

/**
 * One fault kind's evidence at one node.
 *
 * @param kind the fault kind
 * @param score strength in (0, 1)
 * @param endpoint where it is strongest; empty for the whole node
 * @param reason one sentence
 */
record Finding(FaultKind kind, double score, String endpoint, String reason) {

  /** Maps an excess {@code x > 0} (1 = just at the threshold) into (0, 1). */
  static double saturate(double x) {
    return x <= 0 ? 0 : x / (1 + x);
  }

  Finding max(Finding other) {
    return other == null || score >= other.score ? this : other;
  }
}
