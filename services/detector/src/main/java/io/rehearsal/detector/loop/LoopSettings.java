package io.rehearsal.detector.loop;

import io.rehearsal.proto.v1.Environment;
import java.time.Duration;
import java.util.Locale;

/**
 * The loop's settings, validated once.
 *
 * @param environment where the incidents happen
 * @param horizon simulated time each candidate is rehearsed for
 * @param attempts attempts per remote step, at least 1
 * @param backoff wait before the second attempt; doubled for every further one
 * @param evaluationTimeout bound on one Evaluate stream
 * @param poll how often a decision or the incident is re-read while waiting
 * @param decisionWait how long a decision may take to run or be refused
 * @param recoveryWindow how long the SLOs have to recover after the remediation ran
 * @param telemetryWait bound on waiting for spans that cover the incident window
 */
record LoopSettings(
    Environment environment,
    Duration horizon,
    int attempts,
    Duration backoff,
    Duration evaluationTimeout,
    Duration poll,
    Duration decisionWait,
    Duration recoveryWindow,
    Duration telemetryWait) {

  LoopSettings {
    check(attempts >= 1, "attempts must be >= 1", attempts);
    check(positive(horizon), "horizon must be > 0", horizon);
    check(!backoff.isNegative(), "backoff must be >= 0", backoff);
    check(positive(evaluationTimeout), "evaluation-timeout must be > 0", evaluationTimeout);
    check(positive(poll), "poll must be > 0", poll);
    check(!decisionWait.isNegative(), "decision-wait must be >= 0", decisionWait);
    check(!recoveryWindow.isNegative(), "recovery-window must be >= 0", recoveryWindow);
    check(!telemetryWait.isNegative(), "telemetry-wait must be >= 0", telemetryWait);
  }

  /** The settings of {@code config}. */
  static LoopSettings of(LoopConfig config) {
    return new LoopSettings(
        environment(config.environment()),
        config.horizon(),
        config.attempts(),
        config.backoff(),
        config.evaluationTimeout(),
        config.poll(),
        config.decisionWait(),
        config.recoveryWindow(),
        config.telemetryWait());
  }

  /** {@code production} → ENVIRONMENT_PRODUCTION, and so on. */
  static Environment environment(String name) {
    try {
      return Environment.valueOf("ENVIRONMENT_" + name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "rehearsal.detector.loop.environment must name an Environment (production, staging, ...),"
              + " but was '"
              + name
              + "'",
          e);
    }
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void check(boolean ok, String message, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(
          "rehearsal.detector.loop: " + message + ", but was " + value);
    }
  }
}
