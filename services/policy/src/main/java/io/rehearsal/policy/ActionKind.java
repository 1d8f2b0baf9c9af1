package io.rehearsal.policy;

/**
 * The kind of a requested remediation, as the gateway receives it (the wire enum {@code
 * RemediationKind} without its prefix; the gateway maps one to the other at its edge). Rules see it
 * as the string {@code remediation.kind}, e.g. {@code "SCALE"}.
 */
public enum ActionKind {
  SCALE,
  ROLLBACK,
  RESTART,
  RATE_LIMIT,
  SHED_LOAD,
  TIMEOUT_CHANGE,
  RETRY_CHANGE,
  CIRCUIT_BREAKER_CHANGE,
  REROUTE,
  FAILOVER,
  AUTOSCALER_CHANGE,
  CACHE_CHANGE
}
