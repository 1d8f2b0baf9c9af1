package io.rehearsal.gateway.slack;

import io.rehearsal.proto.v1.Decision;

/**
 * Told after a decision was stored in a new revision (created, approved, rejected, cancelled,
 * expired), by whichever channel changed it. Implementations must not throw and must return
 * quickly; slow work goes to their own executor.
 */
@FunctionalInterface
public interface DecisionListener {

  /** {@code decision} was stored; it may already be older than the stored one. */
  void changed(Decision decision);
}
