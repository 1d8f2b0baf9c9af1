package io.rehearsal.policy;

import java.time.Duration;

/**
 * Bounds of the built-in guards: configured by the operator of the gateway, not by policies.
 *
 * @param maxEvidenceAge evidence older than this never auto-approves
 * @param maxTwinAge a twin calibrated longer ago than this never auto-approves
 */
public record GuardSettings(Duration maxEvidenceAge, Duration maxTwinAge) {

  /** Evidence up to 1 hour old, a twin calibrated within 24 hours. */
  public static final GuardSettings DEFAULTS =
      new GuardSettings(Duration.ofHours(1), Duration.ofHours(24));

  /** Checks that both bounds are positive. */
  public GuardSettings {
    if (maxEvidenceAge.isNegative() || maxEvidenceAge.isZero()) {
      throw new IllegalArgumentException(
          "maxEvidenceAge must be positive, but was " + maxEvidenceAge);
    }
    if (maxTwinAge.isNegative() || maxTwinAge.isZero()) {
      throw new IllegalArgumentException("maxTwinAge must be positive, but was " + maxTwinAge);
    }
  }
}
