package io.rehearsal.ml.rca;

import java.util.List;

/**
 * A personalized random walk over the anomalous call graph, MonitorRank style: from a node the
 * walker steps to a callee in proportion to how anomalous the callee looks, back to a caller with a
 * smaller weight, or stays in proportion to the node's own anomaly (what its callees do not
 * explain); with probability {@code 1 - damping} it restarts at the symptoms. Nodes where the
 * walker spends most time are the likeliest origins. Power iteration, so deterministic.
 */
final class RandomWalk {
  private RandomWalk() {}

  /**
   * The stationary visit shares.
   *
   * @param callees callee indices per node
   * @param callers caller indices per node
   * @param anomaly how anomalous each node looks, in [0, 1)
   * @param own each node's own anomaly, in [0, 1)
   * @param restart where the walker restarts (not necessarily normalised; all zero = uniform)
   */
  static double[] visits(
      List<int[]> callees,
      List<int[]> callers,
      double[] anomaly,
      double[] own,
      double[] restart,
      RcaConfig config) {
    int n = anomaly.length;
    double[] p = normalise(restart.clone());
    double[] pi = p.clone();
    for (int it = 0; it < config.iterations(); it++) {
      double[] next = new double[n];
      for (int u = 0; u < n; u++) {
        step(u, pi[u], callees.get(u), callers.get(u), anomaly, own, p, next, config.backward());
      }
      for (int v = 0; v < n; v++) {
        next[v] = config.damping() * next[v] + (1 - config.damping()) * p[v];
      }
      pi = next;
    }
    return pi;
  }

  private static void step(
      int u,
      double mass,
      int[] down,
      int[] up,
      double[] anomaly,
      double[] own,
      double[] restart,
      double[] next,
      double backward) {
    double total = own[u];
    for (int v : down) {
      total += anomaly[v];
    }
    for (int c : up) {
      total += backward * anomaly[c];
    }
    if (total <= 0) {
      for (int v = 0; v < next.length; v++) {
        next[v] += mass * restart[v];
      }
      return;
    }
    next[u] += mass * own[u] / total;
    for (int v : down) {
      next[v] += mass * anomaly[v] / total;
    }
    for (int c : up) {
      next[c] += mass * backward * anomaly[c] / total;
    }
  }

  private static double[] normalise(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = sum > 0 ? w[i] / sum : 1.0 / w.length;
    }
    return w;
  }
}
