package io.rehearsal.ml.rca;

/**
 * The two windows compared, epoch milliseconds, each [from, to).
 *
 * @param beforeFrom start of the normal window
 * @param beforeTo end of the normal window, at or before the incident's onset
 * @param duringFrom start of the incident window (its onset)
 * @param duringTo end of the incident window
 * @param lateMillis how long at the end of the incident window counts as "late" for instances (a
 *     replica that stopped reporting is missing there)
 */
public record RcaWindows(
    long beforeFrom, long beforeTo, long duringFrom, long duringTo, long lateMillis) {

  /** Checks the order of the bounds. */
  public RcaWindows {
    Stats.check(
        beforeFrom < beforeTo, "beforeTo (must follow beforeFrom " + beforeFrom + ")", beforeTo);
    Stats.check(
        beforeTo <= duringFrom,
        "duringFrom (must not precede beforeTo " + beforeTo + ")",
        duringFrom);
    Stats.check(
        duringFrom < duringTo, "duringTo (must follow duringFrom " + duringFrom + ")", duringTo);
    Stats.check(lateMillis > 0 && lateMillis <= duringTo - duringFrom, "lateMillis", lateMillis);
  }

  /**
   * Windows around an incident's onset: the normal window ends {@code guardSeconds} before the
   * onset and starts at {@code start} (the first telemetry), the incident window lasts {@code
   * duringSeconds} from the onset, and its last 10 s (or half of it if shorter) are "late".
   */
  public static RcaWindows around(
      long startMillis, long onsetSecond, int guardSeconds, int duringSeconds) {
    long onset = onsetSecond * 1000;
    long during = duringSeconds * 1000L;
    return new RcaWindows(
        Math.min(startMillis, onset - guardSeconds * 1000L - 1000),
        onset - guardSeconds * 1000L,
        onset,
        onset + during,
        Math.min(10_000, during / 2));
  }

  boolean before(long t) {
    return t >= beforeFrom && t < beforeTo;
  }

  boolean during(long t) {
    return t >= duringFrom && t < duringTo;
  }

  boolean late(long t) {
    return t >= duringTo - lateMillis && t < duringTo;
  }

  double beforeSeconds() {
    return (beforeTo - beforeFrom) / 1000.0;
  }

  double duringSeconds() {
    return (duringTo - duringFrom) / 1000.0;
  }
}
