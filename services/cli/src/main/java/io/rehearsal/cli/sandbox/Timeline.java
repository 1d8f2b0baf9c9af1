package io.rehearsal.cli.sandbox;

import java.util.Locale;

/**
 * Where the incident sits on the twin's clock, in seconds: the fault starts at {@code onset}, the
 * candidates act from {@code decision} (the end of the observed symptoms), the run ends at {@code
 * end}; outcomes are measured over [decision, end).
 *
 * @param onset fault start
 * @param decision when the candidates' remediations are decided
 * @param end end of each run
 * @param bucket width of the time series' buckets
 */
record Timeline(double onset, double decision, double end, double bucket) {

  /** A timeline with {@code warmup} (rounded up to whole buckets) before the onset. */
  static Timeline of(double warmup, double observed, double horizon, double bucket) {
    double onset = Math.ceil(warmup / bucket - 1e-9) * bucket;
    return new Timeline(onset, onset + observed, onset + observed + horizon, bucket);
  }

  /** Seconds measured after the decision. */
  double horizon() {
    return end - decision;
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "fault from t=%.0f s (onset), decision at t=%.0f s, outcomes over the %.0f s after it",
        onset,
        decision,
        horizon());
  }
}
