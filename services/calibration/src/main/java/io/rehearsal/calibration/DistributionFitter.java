package io.rehearsal.calibration;

import io.rehearsal.twin.spec.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Fits durations: constant when they barely vary; otherwise exponential, lognormal and gamma by
 * maximum likelihood, each checked with a one-sample Kolmogorov–Smirnov test on (at most {@code
 * maxTested}, evenly strided) observations and, given 100 observations or more, for putting its
 * 99th percentile inside the 99% confidence interval of the sample's (the test hardly sees the tail
 * that the twin's p99 depends on). The passing family with the highest p-value wins; when none
 * passes the empirical quantiles are kept.
 */
final class DistributionFitter {
  private static final double CONSTANT_CV = 0.01;
  private static final int SMALL = 20;
  private static final int TAIL_SAMPLES = 100;
  private static final double Z995 = 2.5758293035489004;

  private final double significance;
  private final int quantiles;
  private final int maxTested;

  DistributionFitter(double significance, int quantiles, int maxTested) {
    this.significance = significance;
    this.quantiles = quantiles;
    this.maxTested = maxTested;
  }

  FittedDistribution fit(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return new FittedDistribution(new Distribution.Constant(0), "constant", 0, Double.NaN, 0, 0);
    }
    double median = median(sorted);
    double p99 = quantile(sorted, 0.99);
    double mean = mean(sorted);
    if (n == 1 || spread(sorted, mean) <= CONSTANT_CV) {
      return new FittedDistribution(
          new Distribution.Constant(Math.max(0, mean)), "constant", n, Double.NaN, median, p99);
    }
    if (n >= SMALL && sorted[0] > 0) {
      Candidate best = best(values, sorted);
      if (best != null) {
        return new FittedDistribution(best.spec, best.family, n, best.pValue, median, p99);
      }
    }
    return new FittedDistribution(empirical(sorted), "empirical", n, Double.NaN, median, p99);
  }

  private record Candidate(String family, Distribution spec, double pValue, double p99) {}

  private Candidate best(double[] values, double[] sorted) {
    double[] tested = stride(values);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest(rng());
    Candidate best = null;
    for (Candidate c : candidates(sorted, tested, ks)) {
      if (c.pValue >= significance
          && tailFits(c.p99, sorted)
          && (best == null || c.pValue > best.pValue)) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The Kolmogorov–Smirnov test hardly sees the tail, which the twin's 99th percentiles depend on:
   * with enough observations, a family must also put its 99th percentile inside the
   * distribution-free 99% confidence interval of the sample's (order statistics whose ranks are n p
   * -/+ 2.576 sqrt(n p (1 - p)), p = 0.99).
   */
  static boolean tailFits(double modelP99, double[] sorted) {
    int n = sorted.length;
    if (n < TAIL_SAMPLES) {
      return true;
    }
    double np = n * 0.99;
    double half = Z995 * Math.sqrt(np * 0.01);
    int low = (int) Math.max(0, Math.floor(np - half) - 1);
    int high = (int) Math.min(n - 1, Math.ceil(np + half) - 1);
    return modelP99 >= sorted[low] && modelP99 <= sorted[high];
  }

  private List<Candidate> candidates(double[] sorted, double[] tested, KolmogorovSmirnovTest ks) {
    List<Candidate> out = new ArrayList<>();
    double mean = mean(sorted);
    out.add(
        candidate(
            "exponential", new Distribution.Exponential(mean), exponential(mean), tested, ks));
    double[] logs = Arrays.stream(sorted).map(Math::log).toArray();
    double mu = mean(logs);
    // Hand-written for bit-for-bit reproducibility: StandardDeviation's uncompensated sum and its
    // correction term change the last bits of sigma, which the twin spec writes out.
    double sigma = Math.sqrt(Arrays.stream(logs).map(l -> (l - mu) * (l - mu)).sum() / logs.length);
    if (sigma > 0) {
      Distribution spec =
          new Distribution.LogNormal(Math.exp(mu), Math.exp(mu + Distribution.Z99 * sigma));
      out.add(candidate("lognormal", spec, new LogNormalDistribution(null, mu, sigma), tested, ks));
    }
    double shape = gammaShape(Math.log(mean) - mu);
    if (shape > 0 && Double.isFinite(shape)) {
      out.add(
          candidate(
              "gamma",
              new Distribution.Gamma(shape, mean),
              new GammaDistribution(null, shape, mean / shape),
              tested,
              ks));
    }
    return out;
  }

  private static RealDistribution exponential(double mean) {
    return new ExponentialDistribution(null, mean);
  }

  private static Candidate candidate(
      String family,
      Distribution spec,
      RealDistribution model,
      double[] tested,
      KolmogorovSmirnovTest ks) {
    return new Candidate(
        family,
        spec,
        ks.kolmogorovSmirnovTest(model, tested, false),
        model.inverseCumulativeProbability(0.99));
  }

  /**
   * Maximum-likelihood gamma shape from s = ln(mean) - mean(ln x): Minka's closed-form start, then
   * Newton steps on ln k - digamma(k) = s.
   */
  static double gammaShape(double s) {
    if (!(s > 0)) {
      return Double.NaN;
    }
    double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
    for (int i = 0; i < 20; i++) {
      double f = Math.log(k) - Gamma.digamma(k) - s;
      double df = 1 / k - Gamma.trigamma(k);
      double next = k - f / df;
      if (!(next > 0)) {
        break;
      }
      boolean done = Math.abs(next - k) < 1e-10 * k;
      k = next;
      if (done) {
        break;
      }
    }
    return k;
  }

  private double[] stride(double[] values) {
    if (values.length <= maxTested) {
      return values;
    }
    double[] out = new double[maxTested];
    double step = values.length / (double) maxTested;
    for (int i = 0; i < maxTested; i++) {
      out[i] = values[(int) (i * step)];
    }
    return out;
  }

  private Distribution.Empirical empirical(double[] sorted) {
    int points = Math.min(quantiles, Math.max(1, sorted.length - 1));
    List<Double> out = new ArrayList<>(points + 1);
    for (int i = 0; i <= points; i++) {
      out.add(Math.max(0, quantile(sorted, i / (double) points)));
    }
    return new Distribution.Empirical(out);
  }

  /**
   * The median, linear interpolation between the middle order statistics (type 7); {@code values}
   * need not be sorted. NaN when empty.
   */
  static double median(double[] values) {
    return new Median().withEstimationType(EstimationType.R_7).evaluate(values);
  }

  /**
   * The arithmetic mean with a compensated sum ({@link java.util.stream.DoubleStream#average}).
   * Hand-written for bit-for-bit reproducibility: StatUtils.mean's correction pass changes the last
   * bits of most means, which the twin spec writes out.
   */
  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  /**
   * Linear interpolation between order statistics (type 7). Hand-written for bit-for-bit
   * reproducibility: Percentile's R_7 takes p in percent and computes 1 + (n - 1) p, which changes
   * the last bits of a few 99th percentiles and of about 2.5% of the empirical quantiles (measured
   * on 20,000 random samples).
   */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double x = p * (sorted.length - 1);
    int i = (int) Math.floor(x);
    if (i >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[i] + (x - i) * (sorted[i + 1] - sorted[i]);
  }

  private static double spread(double[] sorted, double mean) {
    if (mean <= 0) {
      return sorted[sorted.length - 1] - sorted[0] == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return new StandardDeviation(false).evaluate(sorted, mean) / mean;
  }

  private static RandomGenerator rng() {
    return new Well19937c(0x5eedL);
  }
}
