package io.rehearsal.rehearse.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * What an evaluation tells the engineer to do, in one sentence, above any table: one of
 *
 * <ul>
 *   <li>{@link Kind#RESTORES}: "X restores every SLO (time to recover T)";
 *   <li>{@link Kind#BEST_MITIGATION}: "no candidate restores SLO S; best mitigation: X (p99 a → b,
 *       errors c → d, cost +e)";
 *   <li>{@link Kind#DO_NOTHING}: "no candidate is better than doing nothing".
 * </ul>
 *
 * An SLO is restored when the candidate's mean good-event share over the measured window reaches
 * the SLO's target.
 *
 * @param kind which of the three
 * @param candidate the recommended candidate; null for {@link Kind#DO_NOTHING}
 * @param unmetSlos endpoints of the SLOs the recommended candidate leaves below target
 * @param sentence the sentence, for every renderer alike
 */
public record Recommendation(Kind kind, String candidate, List<String> unmetSlos, String sentence) {
  /** Copies the list. */
  public Recommendation {
    unmetSlos = List.copyOf(unmetSlos);
  }

  /** The three things an evaluation can recommend. */
  public enum Kind {
    /** The best candidate brings every SLO back to target. */
    RESTORES,
    /** Some candidate is better than doing nothing, but the best leaves an SLO below target. */
    BEST_MITIGATION,
    /** No candidate is distinguishably better than doing nothing. */
    DO_NOTHING
  }

  static Recommendation doNothing() {
    return new Recommendation(
        Kind.DO_NOTHING, null, List.of(), "no candidate is better than doing nothing");
  }

  static Recommendation restores(String candidate, double timeToRecover) {
    String sentence =
        String.format(
            Locale.ROOT,
            "%s restores every SLO (time to recover %.0f s)",
            candidate,
            timeToRecover);
    return new Recommendation(Kind.RESTORES, candidate, List.of(), sentence);
  }

  static Recommendation mitigates(
      String candidate, List<String> unmet, ArmOutcome doNothing, ArmOutcome best) {
    String sentence =
        String.format(
            Locale.ROOT,
            "no candidate restores SLO%s %s; best mitigation: %s (p99 %.0f → %.0f ms, errors %.2f %%"
                + " → %.2f %%, cost %+.0f replica-s)",
            unmet.size() == 1 ? "" : "s",
            String.join(", ", unmet),
            candidate,
            1000 * doNothing.of(Metric.P99_LATENCY).mean(),
            1000 * best.of(Metric.P99_LATENCY).mean(),
            100 * doNothing.of(Metric.ERROR_RATE).mean(),
            100 * best.of(Metric.ERROR_RATE).mean(),
            best.of(Metric.COST).mean() - doNothing.of(Metric.COST).mean());
    return new Recommendation(Kind.BEST_MITIGATION, candidate, unmet, sentence);
  }
}
