package io.rehearsal.rehearse.fitting;

import java.util.List;

/**
 * How far simulated symptoms are from observed ones. Per point, residuals on scales where noise is
 * roughly even: log ratio of p50 (1 ms floor), half the log ratio of p99, twice the difference of
 * arcsine square roots of error rates (variance stabilising for proportions), and log ratio of
 * throughput (0.1/s floor). The loss is the mean squared residual over all points: a normalised
 * squared error, 0 for identical series.
 */
final class SymptomDistance {
  private static final double LATENCY_FLOOR = 1e-3;
  private static final double THROUGHPUT_FLOOR = 0.1;
  private static final double MISSING = 1;

  private SymptomDistance() {}

  /** Mean squared residual between two symptom sets with the same endpoints. */
  static double loss(Symptoms observed, Symptoms simulated) {
    double sum = 0;
    int n = 0;
    for (int e = 0; e < observed.endpoints().size(); e++) {
      sum += loss(observed.endpoints().get(e).points(), simulated.endpoints().get(e).points());
      n += observed.buckets();
    }
    return sum / n;
  }

  /** Sum of squared residuals of one endpoint's series. */
  static double loss(List<SymptomPoint> observed, List<SymptomPoint> simulated) {
    double sum = 0;
    for (int i = 0; i < observed.size(); i++) {
      sum += squared(observed.get(i), simulated.get(i));
    }
    return sum;
  }

  static double squared(SymptomPoint o, SymptomPoint s) {
    double p50 = logRatio(o.p50(), s.p50(), LATENCY_FLOOR);
    double p99 = 0.5 * logRatio(o.p99(), s.p99(), LATENCY_FLOOR);
    double err = 2 * (Math.asin(Math.sqrt(s.errorRate())) - Math.asin(Math.sqrt(o.errorRate())));
    double tput = logRatio(o.throughput(), s.throughput(), THROUGHPUT_FLOOR);
    return p50 * p50 + p99 * p99 + err * err + tput * tput;
  }

  private static double logRatio(double observed, double simulated, double floor) {
    boolean o = Double.isNaN(observed);
    boolean s = Double.isNaN(simulated);
    if (o || s) {
      return o == s ? 0 : MISSING;
    }
    return Math.log((simulated + floor) / (observed + floor));
  }
}
