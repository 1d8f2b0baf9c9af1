package io.rehearsal.ml.detect;

/**
 * The "spatial anomaly" of NAB's Numenta detector: a value more than 5 % of the range seen so far
 * above the largest or below the smallest value seen so far scores 1, any other value 0. It needs
 * no learning beyond the running range and catches a first excursion at once, which a contextual
 * detector may only see as one more unusual transition.
 */
final class SpatialDetector implements StreamingDetector {

  /** Share of the range seen so far a value must exceed it by (Numenta's published constant). */
  static final double TOLERANCE = 0.05;

  private double min = Double.NaN;
  private double max = Double.NaN;

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    boolean outside = false;
    if (min < max) {
      double margin = (max - min) * TOLERANCE;
      outside = value > max + margin || value < min - margin;
    }
    min = Double.isNaN(min) ? value : Math.min(min, value);
    max = Double.isNaN(max) ? value : Math.max(max, value);
    return outside ? 1.0 : 0.0;
  }
}
