package io.rehearsal.report;

import io.rehearsal.rehearse.fitting.FaultHypothesis;
import java.util.Locale;
import java.util.Optional;

/** Describes fitted fault hypotheses for people: kind, target and magnitude in its unit. */
public final class Hypotheses {
  private Hypotheses() {}

  /**
   * One phrase, e.g. {@code DEPENDENCY_DELAY payment-gateway +148 ms} or {@code LATENCY api x2.95}.
   */
  public static String describe(FaultHypothesis h) {
    return switch (h.kind()) {
      case LATENCY, DEPENDENCY_SLOWDOWN, TRAFFIC_SURGE ->
          fmt("%s %s x%.3g", h.kind(), h.target(), h.magnitude());
      case ERROR_RATE -> fmt("%s %s +%.1f%% errors", h.kind(), h.target(), 100 * h.magnitude());
      case REPLICA_CRASH ->
          h.capacity() > 0
              ? fmt("%s %s %.0f of %d replicas", h.kind(), h.target(), h.magnitude(), h.capacity())
              : fmt("%s %s %.0f replicas", h.kind(), h.target(), h.magnitude());
      case WORKER_LOSS ->
          h.capacity() > 0
              ? fmt(
                  "%s %s %.0f of %d workers left",
                  h.kind(), h.target(), h.magnitude(), h.capacity())
              : fmt("%s %s %.0f workers left", h.kind(), h.target(), h.magnitude());
      case DEPENDENCY_OUTAGE -> fmt("%s %s", h.kind(), h.target());
      case NETWORK_DELAY, DEPENDENCY_DELAY, SERVICE_DELAY ->
          fmt("%s %s +%.0f ms", h.kind(), h.target(), 1000 * h.magnitude());
    };
  }

  /** Below this share of the deviation explained, a fitted fault is a weak reproduction. */
  public static final double WEAK_FIT = 0.25;

  /**
   * A warning for people when the fault everything is rehearsed under explains little of the
   * incident (goodness of fit below {@link #WEAK_FIT}), else empty: the ranking then rests on a
   * guess at the fault, and the incident may be one the telemetry barely shows.
   */
  public static Optional<String> weakFitWarning(FaultHypothesis top) {
    if (top.goodnessOfFit() >= WEAK_FIT) {
      return Optional.empty();
    }
    return Optional.of(
        fmt(
            "  ! weak fit: the best hypothesis explains %.0f%% of the deviation from normal;"
                + " rank the candidates with care",
            100 * top.goodnessOfFit()));
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
