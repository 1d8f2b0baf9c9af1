package io.rehearsal.ml.rca;

/** What is wrong with a suspect. */
public enum FaultKind {
  /** The service itself got slower (its self time rose, not only its callees'). */
  LATENCY(false),
  /** The service itself fails requests (its failures are not explained by failed calls). */
  ERRORS(false),
  /** The service lacks capacity: fewer workers, or requests queue up. */
  SATURATION(false),
  /** A replica of the service went away: fewer instances report, or calls to it are refused. */
  LOST_REPLICA(false),
  /** More traffic arrives at an entry service than its baseline. */
  LOAD_SURGE(false),
  /** An external dependency answers slower. */
  DEPENDENCY_LATENCY(true),
  /** An external dependency fails calls. */
  DEPENDENCY_ERRORS(true),
  /** An external dependency rejects calls for its rate limit (HTTP 429). */
  DEPENDENCY_RATE_LIMIT(true);

  private final boolean dependency;

  FaultKind(boolean dependency) {
    this.dependency = dependency;
  }

  /** Whether this kind is about an external dependency rather than one of our services. */
  public boolean dependency() {
    return dependency;
  }
}
