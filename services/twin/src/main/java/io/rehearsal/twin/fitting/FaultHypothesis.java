package io.rehearsal.twin.fitting;

import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;

/**
 * A fault that, injected into the twin at the onset, reproduces the observed symptoms this well.
 *
 * @param kind what kind of fault (the twin's {@link FaultKind}; {@code REPLICA_CRASH} is capacity
 *     loss, {@code ERROR_RATE} added errors)
 * @param target service, dependency/database or entry endpoint it hits
 * @param magnitude the fault's factor in its kind's unit: a multiplier for latency, slowdown and
 *     surge, a probability for added errors, replicas lost for a crash, 1 for an outage
 * @param loss normalised squared error between simulated and observed symptoms (lower is better;
 *     the ranking key)
 * @param goodnessOfFit 1 - MAPE between simulated and observed symptom points, clamped at 0
 * @param replicas the target service's replicas in the twin for a crash (to express capacity loss
 *     as a fraction), else 0
 */
public record FaultHypothesis(
    FaultKind kind,
    String target,
    double magnitude,
    double loss,
    double goodnessOfFit,
    int replicas) {

  /** The fault to inject: from {@code at} for {@code duration} seconds. */
  public Fault toFault(double at, double duration) {
    return new Fault(kind, at, duration, target, magnitude, null);
  }

  /** Fraction of the target's replicas lost for a crash, else NaN. */
  public double capacityLossFraction() {
    return kind == FaultKind.REPLICA_CRASH && replicas > 0 ? magnitude / replicas : Double.NaN;
  }
}
