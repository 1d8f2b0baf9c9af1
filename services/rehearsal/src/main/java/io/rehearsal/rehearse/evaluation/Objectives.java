package io.rehearsal.rehearse.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What "better" means when ranking candidates. Per replication, {@code utility =
 * graded_slo_attainment - costWeight * cost}, where the graded attainment gives partial credit for
 * requests that miss an SLO's threshold by up to 4x ({@link SloGrades}); a candidate's score is
 * {@code mean(utility) - riskAversion * (mean(utility) - worstDecileMean(utility))} (see {@link
 * Score}). The headline SLO attainment (good events / valid events) is reported beside it.
 *
 * @param sloWeights relative weight per SLO, keyed by the SLO's endpoint ({@code
 *     service/endpoint}); empty: all SLOs weigh the same; SLOs not listed weigh 0 otherwise
 * @param costWeight score units lost per replica-second (>= 0)
 * @param riskAversion weight of the gap between mean and worst-decile utility, in [0, 1]
 */
public record Objectives(Map<String, Double> sloWeights, double costWeight, double riskAversion) {
  /**
   * Multiples of each SLO's latency threshold at which the graded attainment counts good events.
   */
  public static final List<Double> GRADED_MULTIPLES = List.of(1.0, 2.0, 4.0);

  /** Equal SLO weights, cost weight 1e-5 per replica-second, risk aversion 0.2. */
  public static final Objectives DEFAULT = new Objectives(Map.of(), 1e-5, 0.2);

  /** Validates the objectives and copies the weights into a sorted map. */
  public Objectives {
    sloWeights = new TreeMap<>(sloWeights == null ? Map.of() : sloWeights);
    sloWeights.forEach(
        (slo, w) -> {
          if (w == null || !(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(
                "sloWeights[" + slo + "] must be >= 0, but was " + w);
          }
        });
    if (!(costWeight >= 0) || Double.isInfinite(costWeight)) {
      throw new IllegalArgumentException("costWeight must be >= 0, but was " + costWeight);
    }
    if (!(riskAversion >= 0 && riskAversion <= 1)) {
      throw new IllegalArgumentException("riskAversion must be in [0, 1], but was " + riskAversion);
    }
    sloWeights = Map.copyOf(sloWeights);
  }

  /** The utility of one replication. */
  public double utility(ReplicationOutcome outcome) {
    return outcome.gradedAttainment() - costWeight * outcome.cost();
  }

  /**
   * The weight of the SLO on {@code endpoint}: 1 each when no weights are given, else 0 if
   * unlisted.
   */
  public double weight(String endpoint) {
    return sloWeights.isEmpty() ? 1 : sloWeights.getOrDefault(endpoint, 0.0);
  }
}
