package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.Distribution;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionFitterTest {
  private final DistributionFitter fitter = new DistributionFitter(0.05, 100, 2000);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldPickLognormalWhenDataIsLognormal(long seed) {
    RandomStream r = new RandomStream(seed);
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.exp(Math.log(0.004) + 0.8 * r.nextGaussian());
    }
    FittedDistribution fit = fitter.fit(x);
    assertThat(fit.family()).isEqualTo("lognormal");
    Distribution.LogNormal d = (Distribution.LogNormal) fit.distribution();
    assertThat(d.p50()).isCloseTo(0.004, within(0.0003));
    assertThat(d.sigma()).isCloseTo(0.8, within(0.05));
    assertThat(fit.pValue()).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void shouldFallBackToEmpiricalQuantilesWhenDataIsBimodal() {
    RandomStream r = new RandomStream(11);
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      double mode = r.nextDouble() < 0.6 ? 0.002 : 0.050;
      x[i] = mode * Math.exp(0.1 * r.nextGaussian());
    }
    FittedDistribution fit = fitter.fit(x);
    assertThat(fit.family()).isEqualTo("empirical");
    Distribution.Empirical d = (Distribution.Empirical) fit.distribution();
    assertThat(d.quantiles()).hasSize(101);
    assertThat(d.quantiles().get(30)).isCloseTo(0.002, within(0.0003));
    assertThat(d.quantiles().get(80)).isCloseTo(0.050, within(0.006));
  }

  @Test
  void shouldPickGammaOrExponentialWhenDataIsExponential() {
    RandomStream r = new RandomStream(5);
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextExponential(0.01);
    }
    FittedDistribution fit = fitter.fit(x);
    assertThat(fit.family()).isIn("exponential", "gamma");
    assertThat(fit.distribution().mean()).isCloseTo(0.01, within(0.0006));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 10, 101, 1000})
  void shouldGiveTheTypeSevenMedianBitForBitWhenValuesAreUnsorted(int n) {
    RandomStream r = new RandomStream(n);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.exp(Math.log(0.004) + r.nextGaussian());
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double expected = DistributionFitter.quantile(sorted, 0.5);
    assertThat(Double.doubleToRawLongBits(DistributionFitter.median(x)))
        .as("median %s, type 7 %s", DistributionFitter.median(x), expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void shouldGiveNaNMedianWhenThereAreNoValues() {
    assertThat(DistributionFitter.median(new double[0])).isNaN();
  }

  @Test
  void shouldFitConstantWhenValuesBarelyVary() {
    FittedDistribution fit = fitter.fit(new double[] {0.005, 0.005, 0.005001, 0.004999});
    assertThat(fit.distribution()).isEqualTo(new Distribution.Constant(0.005));
  }

  @Test
  void shouldRecoverGammaShapeWhenGivenItsLogMeanGap() {
    // For shape k, ln(mean) - mean(ln x) = ln k - digamma(k).
    double k = 4;
    double s = Math.log(k) - org.apache.commons.math3.special.Gamma.digamma(k);
    assertThat(DistributionFitter.gammaShape(s)).isCloseTo(4, within(1e-8));
  }

  @Test
  void shouldKeepEveryValueWhenTheSampleIsSmall() {
    FittedDistribution fit = fitter.fit(new double[] {0.003, 0.001, 0.002});
    assertThat(fit.family()).isEqualTo("empirical");
    assertThat(((Distribution.Empirical) fit.distribution()).quantiles())
        .containsExactly(0.001, 0.002, 0.003);
  }

  @Test
  void shouldRejectAFamilyWhoseTailIsTooLightWhenTheSampleHasAHeavierOne() {
    // Lognormal body with 2% of slow outliers: the KS test passes the lognormal, its p99 does not.
    RandomStream r = new RandomStream(8);
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      double body = Math.exp(Math.log(0.004) + 0.5 * r.nextGaussian());
      x[i] = r.nextDouble() < 0.02 ? body * 4 : body;
    }
    FittedDistribution fit = fitter.fit(x);
    assertThat(fit.family()).isEqualTo("empirical");
    assertThat(fit.p99()).isGreaterThan(0.004 * Math.exp(2.326 * 0.5) * 1.1);
  }
}
