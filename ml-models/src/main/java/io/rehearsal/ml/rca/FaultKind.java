package io.rehearsal.ml.rca;

/** What is wrong with a suspect. */
public enum FaultKind {
  /** The service itself got slower (its self time rose, not only its callees'). */
  LATENCY(false, "latency"),
  /** The service itself fails requests (its failures are not explained by failed calls). */
  ERRORS(false, "error"),
  /** The service lacks capacity: fewer workers, or requests queue up. */
  SATURATION(false, "fewer-workers"),
  /** A replica of the service went away: fewer instances report, or calls to it are refused. */
  LOST_REPLICA(false, "kill-replica"),
  /** More traffic arrives at an entry service than its baseline. */
  LOAD_SURGE(false, "surge"),
  /** An external dependency answers slower. */
  DEPENDENCY_LATENCY(true, "slow-dependency"),
  /** An external dependency fails calls. */
  DEPENDENCY_ERRORS(true, "dependency-outage"),
  /**
   * An external dependency rejects calls for its rate limit (HTTP 429); as a fault, calls to it
   * fail.
   */
  DEPENDENCY_RATE_LIMIT(true, "dependency-outage");

  private final boolean dependency;
  private final String labelKind;

  FaultKind(boolean dependency, String labelKind) {
    this.dependency = dependency;
    this.labelKind = labelKind;
  }

  /**
   * The fault as incident labels spell it (the reference shop's fault switches, e.g. {@code
   * fewer-workers}); the sandbox's {@code LabelKind} maps that spelling to the twin's fault kinds,
   * so a suspect can be refitted in the twin without this package knowing the twin.
   */
  public String labelKind() {
    return labelKind;
  }

  /** Whether this kind is about an external dependency rather than one of our services. */
  public boolean dependency() {
    return dependency;
  }
}
