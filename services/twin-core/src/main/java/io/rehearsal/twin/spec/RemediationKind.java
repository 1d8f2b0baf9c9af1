package io.rehearsal.twin.spec;

/**
 * What a {@link Remediation} does; the single definition of remediation kinds in the twin. Every
 * kind takes effect {@code delay} seconds after {@code at}; kinds that start replicas also wait for
 * the replicas' startup latency.
 */
public enum RemediationKind {
  /** Set service {@code target} to {@code value} replicas (new ones serve after startup). */
  SCALE,
  /**
   * Replace service {@code target}'s replicas, one by one, with the previous version: clears its
   * latency and error faults.
   */
  ROLLBACK,
  /** Restart service {@code target}'s replicas one by one: clears crashes and latency faults. */
  RESTART,
  /**
   * Admit at most {@code value} requests per second into service {@code target}; the rest are
   * rejected.
   */
  RATE_LIMIT,
  /**
   * Drop a {@code value} fraction of traffic arriving at entry endpoint {@code target} ({@code *}:
   * all).
   */
  SHED_LOAD,
  /**
   * Change calls from endpoint {@code target} to {@code to}: timeout {@code value} (if set), {@code
   * retry}, {@code breaker}.
   */
  CALL_POLICY,
  /** Set the regions' traffic weights to {@code weights}. */
  REROUTE,
  /**
   * Region {@code target} stops receiving traffic (weight 0); or database {@code target} fails over
   * to its replica.
   */
  FAILOVER,
  /** Replace service {@code target}'s autoscaler with {@code autoscaler}. */
  AUTOSCALER,
  /** Set the hit ratio of cache {@code target} to {@code value}. */
  CACHE
}
