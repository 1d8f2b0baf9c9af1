package io.rehearsal.ml.detect;

/**
 * CAD OSE exactly as NAB runs it: levels over the file's range ({@code (v - min) / ((max - min) /
 * 7)}, truncated; a flat file uses a step of 1) and a rest period of a fifth of NAB's probation,
 * truncated. On the NAB files its scores are the reference {@code contextOSE} results.
 */
final class NabCadOseDetector implements StreamingDetector {

  private static final int TOP_LEVEL = (1 << ValueFacts.BITS) - 1;

  private final CadOse cad;
  private final double min;
  private final double step;

  NabCadOseDetector(SeriesRange range) {
    double width = range.max() - range.min();
    this.min = range.min();
    this.step = (width == 0.0 ? TOP_LEVEL : width) / TOP_LEVEL;
    this.cad = new CadOse(Math.max(1, (int) (range.probation() / 5.0)));
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    double level = (value - min) / step;
    return cad.score((int) Math.max(-(1 << 30), Math.min(1 << 30, level)));
  }
}
