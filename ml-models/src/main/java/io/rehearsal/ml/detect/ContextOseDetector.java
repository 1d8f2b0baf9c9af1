package io.rehearsal.ml.detect;

import java.util.Arrays;

/**
 * CAD OSE ({@link CadOse}) on a stream, without look-ahead. NAB's harness hands CAD OSE the whole
 * file's minimum and maximum; a stream knows neither, so this detector learns them:
 *
 * <ul>
 *   <li>a warm-up of a fixed {@code gridWarmUp} rows (a global constant, never derived from the
 *       series' length) scores 0 and buffers the rows;
 *   <li>at its end the value range is the warm-up's range widened by {@link #MARGIN} of its width
 *       on each side, quantised into {@code levels} levels as CAD OSE does ({@code (v - min) /
 *       ((max - min) / (levels - 1))}, truncated); the buffered rows are then replayed into CAD
 *       OSE's memory (their scores discarded) and every later row is scored, then learned;
 *   <li>values past the learned range are clamped to the bottom or top level (the spatial rule of
 *       the combination flags new extremes).
 * </ul>
 *
 * At row {@code i} only rows up to {@code i} are used. CAD OSE rests a fixed {@code restPeriod}
 * after a score of {@code restThreshold} or more.
 */
final class ContextOseDetector implements StreamingDetector {

  /** Share of the warm-up's width added below its minimum and above its maximum. */
  static final double MARGIN = 0.1;

  private final DetectorConfig.Context config;
  private final CadOse cad;
  private final double[] warmUp;
  private int buffered;
  private double min;
  private double step = Double.NaN; // NaN until the warm-up is over

  ContextOseDetector(DetectorConfig.Context config) {
    this.config = config;
    this.cad = new CadOse(config.restPeriod(), config.restThreshold(), config.maxContext());
    this.warmUp = new double[Math.max(1, config.gridWarmUp())];
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    if (Double.isNaN(step)) {
      warmUp[buffered++] = value;
      if (buffered == warmUp.length) {
        learnRange();
      }
      return 0;
    }
    return cad.score(level(value));
  }

  /** Fixes the range from the warm-up's rows and replays them into CAD OSE's memory. */
  private void learnRange() {
    double lo = Arrays.stream(warmUp).min().orElse(0);
    double hi = Arrays.stream(warmUp).max().orElse(0);
    double width = hi - lo;
    int top = config.levels() - 1;
    if (width == 0.0) {
      // a flat warm-up: one level per unit around the value, as CAD OSE's flat files
      min = lo - top / 2.0;
      step = 1.0;
    } else {
      min = lo - width * MARGIN;
      step = width * (1 + 2 * MARGIN) / top;
    }
    for (double v : warmUp) {
      cad.score(level(v));
    }
  }

  private int level(double v) {
    double level = (v - min) / step;
    return (int) Math.max(0, Math.min(config.levels() - 1, level));
  }
}
