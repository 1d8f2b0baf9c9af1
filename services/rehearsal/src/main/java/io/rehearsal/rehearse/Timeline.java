package io.rehearsal.rehearse;

import java.util.Locale;

/**
 * Where an incident sits on the twin's clock, in seconds: the fault starts at {@code onset}, the
 * candidates act from {@code decision}, outcomes are measured over [{@code measuredFrom}, {@code
 * end}), and time series are kept in buckets of {@code bucket}.
 *
 * @param onset fault start
 * @param decision when the candidates' remediations are decided
 * @param measuredFrom start of the measured window
 * @param end end of each run
 * @param bucket width of the time series' buckets
 */
public record Timeline(
    double onset, double decision, double measuredFrom, double end, double bucket) {

  /** Checks the order onset ≤ decision, measuredFrom < end, and bucket > 0. */
  public Timeline {
    if (!(onset >= 0 && decision >= onset && measuredFrom >= 0 && end > measuredFrom)
        || !(bucket > 0)) {
      throw new IllegalArgumentException(
          "timeline must have 0 <= onset <= decision, 0 <= measuredFrom < end and bucket > 0, but"
              + " was "
              + describeRaw(onset, decision, measuredFrom, end, bucket));
    }
  }

  /**
   * A recorded incident replayed in full: {@code warmup} (rounded up to whole buckets) before the
   * onset, then the {@code observed} span of symptoms, at whose end the decision is taken, then
   * {@code horizon} seconds measured after the decision. This is what {@code rehearsal sandbox
   * evaluate} rehearses.
   */
  public static Timeline afterObservation(
      double warmup, double observed, double horizon, double bucket) {
    double onset = Math.ceil(warmup / bucket - 1e-9) * bucket;
    double decision = onset + observed;
    return new Timeline(onset, decision, decision, decision + horizon, bucket);
  }

  /**
   * A live incident forked at its onset: {@code warmup} seconds before it, candidates acting {@code
   * decisionDelay} seconds after it, and {@code horizon} seconds measured from the onset (buckets
   * no wider than the horizon). This is what the sandbox service rehearses.
   */
  public static Timeline fromOnset(
      double warmup, double decisionDelay, double horizon, double bucket) {
    return new Timeline(
        warmup, warmup + decisionDelay, warmup, warmup + horizon, Math.min(bucket, horizon));
  }

  /** Seconds measured. */
  public double horizon() {
    return end - measuredFrom;
  }

  /** One line for a report, e.g. "fault from t=60 s (onset), decision at t=180 s, ...". */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "fault from t=%.0f s (onset), decision at t=%.0f s, outcomes over the %.0f s after it",
        onset,
        decision,
        horizon());
  }

  private static String describeRaw(double o, double d, double m, double e, double b) {
    return String.format(
        Locale.ROOT, "onset=%s decision=%s measuredFrom=%s end=%s bucket=%s", o, d, m, e, b);
  }
}
