package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.random.RandomStream;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DrawsTest {
  private static final int N = 200_000;

  @Test
  void shouldDrawTheSameExponentialsAsRandomStreamWhenSeedsAreEqual() {
    RandomStream ours = new RandomStream(8);
    RandomStream reference = new RandomStream(8);
    for (int i = 0; i < N; i++) {
      assertThat(Draws.exponential(ours, 0.25)).isEqualTo(reference.nextExponential(0.25));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void shouldDrawStandardNormalsWhenTheZigguratIsSampled(long seed) {
    RandomStream random = new RandomStream(seed);
    double[] z = new double[N];
    for (int i = 0; i < N; i++) {
      z[i] = Draws.gaussian(random);
    }
    // Kolmogorov-Smirnov against N(0, 1): p > 0.001 fails a correct sampler 1 time in 1000, and
    // the test is deterministic for these seeds.
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(), z);
    assertThat(p).isGreaterThan(0.001);
    double mean = Arrays.stream(z).average().orElseThrow();
    double variance = Arrays.stream(z).map(x -> (x - mean) * (x - mean)).sum() / (N - 1);
    // Standard errors: 1/sqrt(N) = 0.0022 for the mean, sqrt(2/N) = 0.0032 for the variance.
    assertThat(mean).isCloseTo(0, within(0.011));
    assertThat(variance).isCloseTo(1, within(0.016));
    // Tails beyond R = 3.44 come from the tail method: P(|Z| > 3.5) = 4.65e-4, so ~93 expected.
    long far = Arrays.stream(z).filter(x -> Math.abs(x) > 3.5).count();
    assertThat(far).isBetween(50L, 140L);
  }

  @Test
  void shouldGiveTheSameNormalsWhenTheSeedIsTheSame() {
    RandomStream a = new RandomStream(5);
    RandomStream b = new RandomStream(5);
    for (int i = 0; i < 1000; i++) {
      assertThat(Draws.gaussian(a)).isEqualTo(Draws.gaussian(b));
    }
  }

  @ParameterizedTest(name = "shape {0}")
  @ValueSource(doubles = {0.3, 1, 2, 7.5})
  void shouldMatchTheGammaMeanAndVarianceWhenShapesVary(double shape) {
    RandomStream random = new RandomStream(9);
    double scale = 0.5;
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < N; i++) {
      double x = Draws.gamma(random, shape, scale);
      sum += x;
      sumSquares += x * x;
    }
    double mean = sum / N;
    double variance = sumSquares / N - mean * mean;
    // Mean k s, variance k s^2; 6 standard errors of the mean as tolerance, 5% on the variance.
    double sd = Math.sqrt(shape) * scale;
    assertThat(mean).isCloseTo(shape * scale, within(6 * sd / Math.sqrt(N)));
    assertThat(variance).isCloseTo(shape * scale * scale, within(0.05 * shape * scale * scale));
  }

  @ParameterizedTest(name = "shape {0}")
  @ValueSource(doubles = {0.5, 1, 1.5, 2, 3, 7.5, 60, 3000, 20000})
  void shouldDrawTheSameGammaVariatesAsTheLogarithmicTestAloneWhenTheSqueezeIsUsed(double shape) {
    RandomStream a = new RandomStream(21);
    RandomStream b = new RandomStream(21);
    for (int i = 0; i < 200_000; i++) {
      double expected = gammaWithoutSqueeze(b, shape, 0.25);
      assertThat(Draws.gamma(a, shape, 0.25)).as("draw %d", i).isEqualTo(expected);
    }
  }

  /** Marsaglia and Tsang as the engine had it before the squeeze: the logarithmic test alone. */
  private static double gammaWithoutSqueeze(RandomStream random, double shape, double scale) {
    if (shape < 1.0) {
      double u = random.nextOpenDouble();
      return gammaWithoutSqueeze(random, shape + 1.0, scale) * StrictMath.pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    while (true) {
      double x = Draws.gaussian(random);
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextOpenDouble();
      if (FdLibm.log(u) < 0.5 * x * x + d - d * v + d * FdLibm.log(v)) {
        return d * v * scale;
      }
    }
  }
}
