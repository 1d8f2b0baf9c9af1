package io.rehearsal.ml.detect;

import com.amazon.randomcutforest.RandomCutForest;

/**
 * Random Cut Forest (Guha et al., 2016) over a shingle of the last values, from Amazon's library
 * with a fixed seed and no parallelism, so the same series gives the same scores. The score is the
 * forest's anomaly score of the new shingle (about 1 for a typical point, larger for an outlier).
 */
final class RandomCutForestDetector implements StreamingDetector {

  private final RandomCutForest forest;
  private final double[] point = new double[1];
  private final int warmUp;
  private int seen;

  RandomCutForestDetector(DetectorConfig.Forest config, long seed) {
    this.forest =
        RandomCutForest.builder()
            .dimensions(config.shingleSize())
            .shingleSize(config.shingleSize())
            .internalShinglingEnabled(true)
            .numberOfTrees(config.trees())
            .sampleSize(config.sampleSize())
            .outputAfter(config.sampleSize() / 4)
            .randomSeed(seed)
            .parallelExecutionEnabled(false)
            .build();
    this.warmUp = config.sampleSize() / 4 + config.shingleSize();
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    point[0] = value;
    double score = seen >= warmUp ? forest.getAnomalyScore(point) : 0;
    forest.update(point);
    seen++;
    return score;
  }
}
