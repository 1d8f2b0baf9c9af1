package io.rehearsal.twin.engine;

/** States of a circuit breaker and its legal transitions. */
enum BreakerState {
  CLOSED,
  OPEN,
  HALF_OPEN;

  /** Whether moving from this state to {@code next} is legal. */
  boolean canMoveTo(BreakerState next) {
    return switch (this) {
      case CLOSED -> next == OPEN;
      case OPEN -> next == HALF_OPEN;
      case HALF_OPEN -> next == OPEN || next == CLOSED;
    };
  }

  /** Returns {@code next}, or throws if the transition is illegal (a programming error). */
  BreakerState moveTo(BreakerState next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("illegal breaker transition " + this + " -> " + next);
    }
    return next;
  }
}
