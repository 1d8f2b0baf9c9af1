package io.rehearsal.ml.detect;

/**
 * The calibrated combination: the contextual novelty (a share in [0, 1]) as is, and each other
 * component's raw score through its own {@link AnomalyLikelihood}; the likelihoods are blended
 * (weighted mean towards the maximum), and after a high score the combination rests so that one
 * episode makes one alarm. Output in [0, 1].
 */
final class CombinedDetector implements StreamingDetector {

  private final DetectorConfig.Combination config;
  private final StreamingDetector[] parts;
  private final AnomalyLikelihood[] likelihoods;
  private final double[] weights;
  private int resting;

  CombinedDetector(DetectorConfig config) {
    this.config = config.combination();
    DetectorConfig.Combination c = config.combination();
    boolean forest = c.forestWeight() > 0;
    int n = forest ? 3 : 2;
    parts = new StreamingDetector[n];
    likelihoods = new AnomalyLikelihood[n];
    weights = new double[n];
    parts[0] = new ContextOseDetector(config.context());
    weights[0] = c.contextWeight();
    parts[1] = new SeasonalBaselineDetector(config.seasonal());
    weights[1] = c.seasonalWeight();
    if (forest) {
      parts[2] = new RandomCutForestDetector(config.forest(), config.seed());
      weights[2] = c.forestWeight();
    }
    for (int i = 0; i < n; i++) {
      likelihoods[i] = new AnomalyLikelihood(config.likelihood());
    }
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    double sum = 0;
    double total = 0;
    double max = 0;
    for (int i = 0; i < parts.length; i++) {
      double raw = parts[i].update(epochSecond, value);
      // The contextual novelty is already a share in [0, 1] (as CAD OSE reports it); the others
      // have scales of their own and go through their likelihood.
      double l = i == 0 ? raw : likelihoods[i].update(raw);
      sum += weights[i] * l;
      total += weights[i];
      max = Math.max(max, weights[i] > 0 ? l : 0);
    }
    double blended = (1 - config.maxShare()) * sum / total + config.maxShare() * max;
    return rest(Math.min(1.0, blended));
  }

  private double rest(double score) {
    if (resting > 0) {
      resting--;
      return 0;
    }
    if (config.restPeriod() > 0 && score >= config.restThreshold()) {
      resting = config.restPeriod();
    }
    return score;
  }
}
