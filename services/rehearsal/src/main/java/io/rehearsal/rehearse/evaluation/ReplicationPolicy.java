package io.rehearsal.rehearse.evaluation;

/**
 * Replication budget and stopping rule of the sequential ranking-and-selection procedure ({@link
 * KimNelson}): every arm gets {@code minReplications} first, then stages of {@code batch} more per
 * surviving arm until one arm survives or {@code maxReplications} is reached.
 *
 * @param minReplications first-stage replications n0 (>= 2), also used to estimate variances
 * @param maxReplications upper bound of replications per arm (>= minReplications)
 * @param batch replications added per surviving arm in each later stage (>= 1)
 * @param probabilityOfCorrectSelection required probability that the selected arm is the best or
 *     within the indifference zone of it, in (0, 1)
 * @param indifferenceZone mean-utility difference below which arms count as equally good (> 0)
 */
public record ReplicationPolicy(
    int minReplications,
    int maxReplications,
    int batch,
    double probabilityOfCorrectSelection,
    double indifferenceZone) {
  /** n0 = 10, at most 100, batches of 5, PCS 0.95, indifference zone 0.01. */
  public static final ReplicationPolicy DEFAULT = new ReplicationPolicy(10, 100, 5, 0.95, 0.01);

  /** Validates the policy. */
  public ReplicationPolicy {
    if (minReplications < 2) {
      throw new IllegalArgumentException(
          "minReplications must be >= 2, but was " + minReplications);
    }
    if (maxReplications < minReplications) {
      throw new IllegalArgumentException(
          "maxReplications must be >= minReplications ("
              + minReplications
              + "), but was "
              + maxReplications);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, but was " + batch);
    }
    if (!(probabilityOfCorrectSelection > 0 && probabilityOfCorrectSelection < 1)) {
      throw new IllegalArgumentException(
          "probabilityOfCorrectSelection must be in (0, 1), but was "
              + probabilityOfCorrectSelection);
    }
    if (!(indifferenceZone > 0) || Double.isInfinite(indifferenceZone)) {
      throw new IllegalArgumentException(
          "indifferenceZone must be > 0, but was " + indifferenceZone);
    }
  }
}
