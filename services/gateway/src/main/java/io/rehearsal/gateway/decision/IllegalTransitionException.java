package io.rehearsal.gateway.decision;

import io.rehearsal.proto.v1.DecisionState;

/**
 * A decision was asked to move between two states that the lifecycle does not connect: a
 * programming error, never an expected "no" (callers check preconditions first and answer those
 * with a status).
 */
public final class IllegalTransitionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** A transition from {@code from} to {@code to}, which {@link Transition} does not list. */
  public IllegalTransitionException(DecisionState from, DecisionState to) {
    super("illegal decision transition " + from + " -> " + to);
  }
}
