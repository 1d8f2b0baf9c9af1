package io.rehearsal.twin.engine;

/**
 * Simulated time in seconds: the only clock the twin reads. It moves forward only, to the time of
 * each event as it is processed.
 */
public final class SimClock {
  private double now;

  /** The current simulated time in seconds. */
  public double now() {
    return now;
  }

  void advanceTo(double time) {
    if (time < now) {
      throw new IllegalStateException("time must not go backwards: " + time + " < " + now);
    }
    now = time;
  }
}
