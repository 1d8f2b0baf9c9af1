package io.rehearsal.rehearse.evaluation;

/**
 * The elimination rule of Kim and Nelson's fully sequential procedure KN (ACM TOMACS 2001) for
 * selecting the arm with the largest mean utility under common random numbers, checked at the end
 * of each stage. With k arms, first stage n0, {@code alpha = 1 - PCS} and indifference zone delta:
 * {@code eta = ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1) / 2}, {@code h2 = 2 eta (n0 - 1)}; S2_il
 * is the first-stage sample variance of utility_i - utility_l; after r replications, arm i is
 * eliminated if {@code mean_i(r) < mean_l(r) - max(0, delta / (2r) * (h2 S2_il / delta^2 - r))} for
 * some surviving l. Checking only at stage ends keeps the guarantee (it can only eliminate later);
 * normality of utilities is assumed.
 */
final class KimNelson {
  private final double h2;
  private final double delta;

  KimNelson(int arms, ReplicationPolicy policy) {
    double alpha = 1 - policy.probabilityOfCorrectSelection();
    int n0 = policy.minReplications();
    double eta = 0.5 * (Math.pow(2 * alpha / (arms - 1), -2.0 / (n0 - 1)) - 1);
    this.h2 = 2 * eta * (n0 - 1);
    this.delta = policy.indifferenceZone();
  }

  /** The h^2 constant. */
  double h2() {
    return h2;
  }

  /** The half-width W_il(r) of the continuation region for a pair with variance s2. */
  double halfWidth(double s2, int r) {
    return Math.max(0, delta / (2.0 * r) * (h2 * s2 / (delta * delta) - r));
  }

  /** Replications after which the pair is always decided: floor(h2 s2 / delta^2). */
  int decidedAfter(double s2) {
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(h2 * s2 / (delta * delta)));
  }

  /**
   * Which of the {@code alive} arms survive after r replications.
   *
   * @param means mean utility per arm over its first r replications
   * @param s2 first-stage variance of pairwise differences, s2[i][l]
   */
  boolean[] survivors(boolean[] alive, double[] means, double[][] s2, int r) {
    boolean[] out = alive.clone();
    for (int i = 0; i < alive.length; i++) {
      for (int l = 0; l < alive.length && alive[i]; l++) {
        if (l != i && alive[l] && means[i] < means[l] - halfWidth(s2[i][l], r)) {
          out[i] = false;
        }
      }
    }
    return out;
  }
}
