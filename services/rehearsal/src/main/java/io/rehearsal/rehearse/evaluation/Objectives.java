package io.rehearsal.rehearse.evaluation;

import java.util.Map;
import java.util.TreeMap;

/**
 * What "better" means when ranking candidates. Per replication, {@code utility = slo_attainment -
 * costWeight * cost}; a candidate's score is {@code mean(utility) - riskAversion * (mean(utility) -
 * worstDecileMean(utility))} (see {@link Score}).
 *
 * @param sloWeights relative weight per SLO, keyed by the SLO's endpoint ({@code
 *     service/endpoint}); empty: all SLOs weigh the same; SLOs not listed weigh 0 otherwise
 * @param costWeight score units lost per replica-second (>= 0)
 * @param riskAversion weight of the gap between mean and worst-decile utility, in [0, 1]
 */
public record Objectives(Map<String, Double> sloWeights, double costWeight, double riskAversion) {
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
    return outcome.sloAttainment() - costWeight * outcome.cost();
  }
}
