package io.rehearsal.calibration;

/**
 * How a twin is calibrated.
 *
 * @param name name of the calibrated spec
 * @param significance Kolmogorov–Smirnov significance level: a parametric family passes when its
 *     p-value is at least this (default 0.05)
 * @param quantiles intervals of the empirical quantiles kept when no family passes (default 100)
 * @param maxTested most observations given to the goodness-of-fit test (default 2000; more are
 *     strided evenly)
 * @param cpuWindow seconds per window of the CPU regression (default 5)
 */
public record CalibrationOptions(
    String name, double significance, int quantiles, int maxTested, double cpuWindow) {

  /** Validates the options; messages name the field and the bad value. */
  public CalibrationOptions {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was " + name);
    }
    if (!(significance > 0 && significance < 1)) {
      throw new IllegalArgumentException("significance must be in (0, 1), but was " + significance);
    }
    if (quantiles < 2 || quantiles > 1000) {
      throw new IllegalArgumentException("quantiles must be in [2, 1000], but was " + quantiles);
    }
    if (maxTested < 20) {
      throw new IllegalArgumentException("maxTested must be >= 20, but was " + maxTested);
    }
    if (!(cpuWindow > 0) || Double.isInfinite(cpuWindow)) {
      throw new IllegalArgumentException("cpuWindow must be > 0, but was " + cpuWindow);
    }
  }

  /** The defaults, for a spec named {@code name}. */
  public static CalibrationOptions named(String name) {
    return new CalibrationOptions(name, 0.05, 100, 2000, 5);
  }
}
