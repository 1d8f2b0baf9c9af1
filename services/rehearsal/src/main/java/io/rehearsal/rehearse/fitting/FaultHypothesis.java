package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;

/**
 * A fault that, injected into the twin at the onset, reproduces the observed symptoms this well.
 *
 * @param kind what kind of fault (the twin's {@link FaultKind}; {@code REPLICA_CRASH} is capacity
 *     loss, {@code ERROR_RATE} added errors)
 * @param target service, dependency/database or entry endpoint it hits
 * @param magnitude the fault's factor in its kind's unit: a multiplier for latency, slowdown and
 *     surge, a probability for added errors, replicas lost for a crash, workers kept per replica
 *     for a worker loss, seconds for an added delay, 1 for an outage
 * @param loss normalised squared error between simulated and observed symptoms (lower is better;
 *     the ranking key)
 * @param goodnessOfFit share of the symptoms' deviation from normal that the hypothesis explains,
 *     in [0, 1]: 1 - loss / loss of the fault-free twin, clamped at 0 (1: reproduced exactly; 0: no
 *     better than assuming nothing is wrong)
 * @param capacity what the magnitude is a part of, to express capacity loss as a fraction: the
 *     target service's replicas for a crash, its workers per replica for a worker loss, else 0
 */
public record FaultHypothesis(
    FaultKind kind,
    String target,
    double magnitude,
    double loss,
    double goodnessOfFit,
    int capacity) {

  /** The fault to inject: from {@code at} for {@code duration} seconds. */
  public Fault toFault(double at, double duration) {
    return new Fault(kind, at, duration, target, magnitude, null);
  }

  /**
   * Fraction of the target's capacity lost: replicas crashed of all, or workers lost of each
   * replica's; NaN for other kinds.
   */
  public double capacityLossFraction() {
    if (capacity <= 0) {
      return Double.NaN;
    }
    return switch (kind) {
      case REPLICA_CRASH -> magnitude / capacity;
      case WORKER_LOSS -> 1 - magnitude / capacity;
      default -> Double.NaN;
    };
  }
}
