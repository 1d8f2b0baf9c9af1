package io.rehearsal.calibration.fidelity;

/**
 * One measure, as observed and as the twin predicted it.
 *
 * @param observed what the recording showed
 * @param predicted what the twin predicted
 * @param relativeError |predicted - observed| / observed (NaN when observed is 0 or either is NaN)
 */
public record Comparison(double observed, double predicted, double relativeError) {

  /** Compares two values. */
  public static Comparison of(double observed, double predicted) {
    double error =
        observed == 0 || Double.isNaN(observed) || Double.isNaN(predicted)
            ? Double.NaN
            : Math.abs(predicted - observed) / Math.abs(observed);
    return new Comparison(observed, predicted, error);
  }

  /** |predicted - observed|. */
  public double absoluteError() {
    return Math.abs(predicted - observed);
  }
}
