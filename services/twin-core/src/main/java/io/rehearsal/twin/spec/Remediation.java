package io.rehearsal.twin.spec;

import java.util.Map;

/**
 * A timed remediation in a scenario (or a candidate being rehearsed).
 *
 * @param kind what is done
 * @param at decision time in seconds
 * @param delay actuation delay in seconds before it starts to act (default 0)
 * @param target what it acts on (see {@link RemediationKind})
 * @param value its size (see {@link RemediationKind}), or null
 * @param to call target for {@link RemediationKind#CALL_POLICY}, else null
 * @param retry new retry policy for {@link RemediationKind#CALL_POLICY}, or null to keep
 * @param breaker new breaker for {@link RemediationKind#CALL_POLICY}, or null to keep
 * @param autoscaler new autoscaler for {@link RemediationKind#AUTOSCALER}
 * @param weights region weights for {@link RemediationKind#REROUTE}
 */
public record Remediation(
    RemediationKind kind,
    double at,
    Double delay,
    String target,
    Double value,
    String to,
    RetrySpec retry,
    BreakerSpec breaker,
    AutoscalerSpec autoscaler,
    Map<String, Double> weights) {
  /** Validates the remediation and fills defaults. */
  public Remediation {
    Check.present("kind", kind);
    Check.nonNegative("at", at);
    delay = Check.nonNegative("delay", Check.or(delay, 0));
    weights = Check.map(weights);
    if (kind != RemediationKind.REROUTE) {
      Check.name("target", target);
    }
    checkKind(kind, value, to, autoscaler, weights);
  }

  /** A remediation that needs only a target and a value. */
  public static Remediation of(RemediationKind kind, double at, String target, Double value) {
    return new Remediation(kind, at, 0.0, target, value, null, null, null, null, null);
  }

  /** The time it starts to act. */
  public double effectiveAt() {
    return at + delay;
  }

  private static void checkKind(
      RemediationKind kind, Double value, String to, AutoscalerSpec as, Map<String, Double> w) {
    switch (kind) {
      case SCALE -> Check.range("value", Check.present("value", value), 0, 10_000);
      case RATE_LIMIT -> Check.positive("value", Check.present("value", value));
      case SHED_LOAD, CACHE -> Check.probability("value", Check.present("value", value));
      case CALL_POLICY -> Check.name("to", to);
      case AUTOSCALER -> Check.present("autoscaler", as);
      case REROUTE -> {
        if (w.isEmpty()) {
          throw Check.fail("weights", "must give at least one region weight");
        }
      }
      default -> {}
    }
  }
}
