package io.rehearsal.ml.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The combination: the contextual detector's score as is (CAD OSE's score is already a share in [0,
 * 1]), the spatial anomaly ({@link SpatialDetector}, 0 or 1, weight 1), and, when their weights are
 * above 0, the seasonal baseline and the forest through their own {@link AnomalyLikelihood}; the
 * weighted scores are blended (weighted mean pushed towards the largest weighted score by {@code
 * maxShare}), and after a score of at least {@code restThreshold} the combination rests so that one
 * episode makes one alarm. Output in [0, 1].
 */
final class CombinedDetector implements StreamingDetector {

  private final DetectorConfig.Combination config;
  private final List<Part> parts = new ArrayList<>();
  private int resting;
  private long restingUntil = Long.MIN_VALUE;

  private record Part(StreamingDetector detector, AnomalyLikelihood likelihood, double weight) {
    double update(long t, double v) {
      double raw = detector.update(t, v);
      return likelihood == null ? raw : likelihood.update(raw);
    }
  }

  /**
   * @param context the contextual detector (streaming CAD OSE)
   */
  CombinedDetector(DetectorConfig config, StreamingDetector context) {
    this.config = config.combination();
    DetectorConfig.Combination c = config.combination();
    parts.add(new Part(context, null, c.contextWeight()));
    parts.add(new Part(new SpatialDetector(), null, 1.0));
    if (c.seasonalWeight() > 0) {
      StreamingDetector seasonal = new SeasonalBaselineDetector(config.seasonal());
      parts.add(new Part(seasonal, likelihood(config), c.seasonalWeight()));
    }
    if (c.forestWeight() > 0) {
      StreamingDetector forest = new RandomCutForestDetector(config.forest(), config.seed());
      parts.add(new Part(forest, likelihood(config), c.forestWeight()));
    }
  }

  private static AnomalyLikelihood likelihood(DetectorConfig config) {
    return new AnomalyLikelihood(config.likelihood());
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    double sum = 0;
    double total = 0;
    double max = 0;
    for (Part p : parts) {
      double s = p.weight() * p.update(epochSecond, value);
      sum += s;
      total += p.weight();
      max = Math.max(max, s);
    }
    double blended = (1 - config.maxShare()) * sum / total + config.maxShare() * max;
    return rest(epochSecond, Math.min(1.0, blended));
  }

  /**
   * The score, or 0 while resting: for {@code restPeriod} rows and until {@code restSeconds} after
   * the score that started the rest (a high score while resting does not extend it).
   */
  private double rest(long epochSecond, double score) {
    if (resting > 0 || epochSecond <= restingUntil) {
      resting = Math.max(0, resting - 1);
      return 0;
    }
    if ((config.restPeriod() > 0 || config.restSeconds() > 0) && score >= config.restThreshold()) {
      resting = config.restPeriod();
      restingUntil = config.restSeconds() > 0 ? epochSecond + config.restSeconds() : Long.MIN_VALUE;
    }
    return score;
  }
}
