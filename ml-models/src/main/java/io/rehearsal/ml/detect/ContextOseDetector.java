package io.rehearsal.ml.detect;

/**
 * CAD OSE ({@link CadOse}) on a stream: NAB hands CAD OSE the whole file's minimum and maximum and
 * a rest period of a fifth of the file's probation; a stream knows neither, so this detector learns
 * the range from its first {@code gridWarmUp} points (the range seen so far until then) and keeps
 * it fixed afterwards, and rests a fixed {@code restPeriod}. Values past the learned range get
 * levels past the grid (more digits above, a sign fact below), which are new facts and so news. The
 * value's level is {@code (v - min) / ((max - min) / (levels - 1))}, truncated, as in CAD OSE.
 */
final class ContextOseDetector implements StreamingDetector {

  private final DetectorConfig.Context config;
  private final CadOse cad;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private int seen;

  ContextOseDetector(DetectorConfig.Context config) {
    this.config = config;
    this.cad = new CadOse(config.restPeriod(), config.restThreshold(), config.maxContext());
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    if (seen++ < Math.max(1, config.gridWarmUp())) {
      min = Double.isNaN(min) ? value : Math.min(min, value);
      max = Double.isNaN(max) ? value : Math.max(max, value);
    }
    return cad.score(level(value));
  }

  private int level(double v) {
    int steps = config.levels() - 1;
    double range = max - min;
    double step = (range == 0.0 ? steps : range) / steps;
    double level = (v - min) / step;
    return (int) Math.max(-(1 << 30), Math.min(1 << 30, level));
  }
}
