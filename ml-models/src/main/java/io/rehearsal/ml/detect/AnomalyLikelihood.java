package io.rehearsal.ml.detect;

/**
 * NAB-style anomaly likelihood: turns raw scores of any scale into a calibrated value in [0, 1].
 * The moving average of the last {@code shortWindow} raw scores is compared with the mean and
 * standard deviation of that same moving average over the last {@code history} points (as NAB's
 * likelihood does, so the spread is that of averages, not of single raw scores); its Gaussian tail
 * probability {@code q = Q((avg - mean) / sd)} says how unusual the recent scores are. The output
 * is {@code log(1 - L + 1e-10) / log(1e-10)} with {@code L = 1 - q}, NAB's log scale: 0.5 means q =
 * 1e-5. During the first {@code learningPeriod} points it returns 0.
 */
final class AnomalyLikelihood {

  private static final double EPSILON = 1e-10;
  private static final double LOG_EPSILON = Math.log(EPSILON);

  private final DetectorConfig.Likelihood config;
  private final RollingStats history;
  private final RollingStats recent;
  private int seen;

  AnomalyLikelihood(DetectorConfig.Likelihood config) {
    this.config = config;
    this.history = new RollingStats(config.history());
    this.recent = new RollingStats(config.shortWindow());
  }

  /** Adds a raw score and returns the likelihood of the recent ones, on the log scale. */
  double update(double raw) {
    recent.add(raw);
    double average = recent.mean();
    double out = seen >= config.learningPeriod() ? logScale(tail(average)) : 0;
    history.add(average);
    seen++;
    return out;
  }

  private double tail(double average) {
    double sd = Math.max(Math.sqrt(history.variance()), config.minStdDev());
    return upperTail((average - history.mean()) / sd);
  }

  /** {@code log(q + eps) / log(eps)}: 0 for an ordinary score, 1 for a vanishing tail. */
  static double logScale(double q) {
    return Math.min(1.0, Math.max(0.0, Math.log(q + EPSILON) / LOG_EPSILON));
  }

  /** Gaussian upper tail {@code Q(z) = erfc(z / sqrt 2) / 2}. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** Complementary error function, Numerical Recipes' Chebyshev fit (relative error < 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double poly =
        -z * z
            - 1.26551223
            + t
                * (1.00002368
                    + t
                        * (0.37409196
                            + t
                                * (0.09678418
                                    + t
                                        * (-0.18628806
                                            + t
                                                * (0.27886807
                                                    + t
                                                        * (-1.13520398
                                                            + t
                                                                * (1.48851587
                                                                    + t
                                                                        * (-0.82215223
                                                                            + t
                                                                                * 0.17087277))))))));
    double r = t * Math.exp(poly);
    return x >= 0 ? r : 2.0 - r;
  }
}
