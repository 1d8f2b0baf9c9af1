package io.rehearsal.twin.spec;

/** What a {@link Fault} does; the meaning of its {@code target}, {@code factor} and {@code to}. */
public enum FaultKind {
  /** {@code factor} replicas (default 1) of service {@code target} crash; in-flight work fails. */
  REPLICA_CRASH,
  /**
   * Each replica of service {@code target} keeps only {@code factor} workers (at least 1): stuck or
   * leaked threads, an exhausted connection pool. Requests beyond them queue; a restart brings
   * replicas back with all their workers.
   */
  WORKER_LOSS,
  /** Self times of service {@code target} are multiplied by {@code factor}. */
  LATENCY,
  /**
   * Service {@code target} fails an extra {@code factor} (probability) of its requests at once,
   * when a worker takes them up (before self time and calls), as a crashing handler or an injected
   * abort does.
   */
  ERROR_RATE,
  /** Latency of dependency {@code target} is multiplied by {@code factor}. */
  DEPENDENCY_SLOWDOWN,
  /**
   * Calls to dependency {@code target} take {@code factor} s more each (a slower network path, a
   * lock or a saturated pool in front of it): the shift of a fixed delay, where {@link
   * #DEPENDENCY_SLOWDOWN} stretches the whole distribution.
   */
  DEPENDENCY_DELAY,
  /** Dependency {@code target} answers every call with an error. */
  DEPENDENCY_OUTAGE,
  /**
   * Arrival rate of entry endpoint {@code target} ({@code *}: all) is multiplied by {@code factor}.
   */
  TRAFFIC_SURGE,
  /**
   * Calls from service or region {@code target} to service or region {@code to} take {@code factor}
   * s more each way.
   */
  NETWORK_DELAY,
  /**
   * Requests to service {@code target} take {@code factor} s more each, a wait added to their self
   * time that holds their worker (a sleep or a lock in the handler, a slow local call, an injected
   * delay): the shift of a fixed delay, where {@link #LATENCY} stretches the whole distribution. A
   * restarted replica is free of it, as of {@link #LATENCY}.
   */
  SERVICE_DELAY
}
