package io.rehearsal.ml.rca;

/**
 * Every parameter of root-cause ranking, validated once.
 *
 * @param minRequests requests an endpoint or edge needs in both windows before its changes count
 * @param latencyMinMs smallest rise of mean self time that counts as a latency fault
 * @param latencyFactor smallest ratio of self time during / before that counts
 * @param errorRateMin smallest rise of a share of failures that counts
 * @param surgeFactor smallest ratio of request rate during / before at an entry service
 * @param dependencyMinMs smallest rise of a dependency's mean call time that counts
 * @param dependencyFactor smallest ratio of a dependency's mean call time during / before
 * @param queueMin smallest rise of the mean queue length per instance that counts as saturation
 * @param silenceSeconds an instance silent this long while others of its service report is lost
 * @param workersDrop the worker pool counts as shrunk below this share of its size before
 * @param damping the random walk's probability of following an edge rather than restarting
 * @param backward weight of a step back to a caller, relative to a step to a callee
 * @param iterations power iterations of the walk
 */
public record RcaConfig(
    int minRequests,
    double latencyMinMs,
    double latencyFactor,
    double errorRateMin,
    double surgeFactor,
    double dependencyMinMs,
    double dependencyFactor,
    double queueMin,
    int silenceSeconds,
    double workersDrop,
    double damping,
    double backward,
    int iterations) {

  /** Checks the ranges; messages name the field and the bad value. */
  public RcaConfig {
    Stats.check(minRequests >= 1, "minRequests", minRequests);
    Stats.check(latencyMinMs >= 0, "latencyMinMs", latencyMinMs);
    Stats.check(latencyFactor >= 1, "latencyFactor", latencyFactor);
    Stats.check(errorRateMin > 0 && errorRateMin < 1, "errorRateMin", errorRateMin);
    Stats.check(surgeFactor > 1, "surgeFactor", surgeFactor);
    Stats.check(dependencyMinMs >= 0, "dependencyMinMs", dependencyMinMs);
    Stats.check(dependencyFactor >= 1, "dependencyFactor", dependencyFactor);
    Stats.check(queueMin > 0, "queueMin", queueMin);
    Stats.check(silenceSeconds >= 1, "silenceSeconds", silenceSeconds);
    Stats.check(workersDrop > 0 && workersDrop <= 1, "workersDrop", workersDrop);
    Stats.check(damping > 0 && damping < 1, "damping", damping);
    Stats.check(backward >= 0 && backward <= 1, "backward", backward);
    Stats.check(iterations >= 1 && iterations <= 10_000, "iterations", iterations);
  }

  /** The defaults, chosen on the reference shop's labelled incidents (see the module README). */
  public static RcaConfig defaults() {
    return new RcaConfig(10, 5, 1.3, 0.03, 1.4, 20, 1.5, 1.0, 6, 0.9, 0.85, 0.3, 100);
  }
}
