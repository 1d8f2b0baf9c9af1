package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.Distribution;

/** Draws from a compiled {@link Distribution}; stateless, so one instance serves all runs. */
abstract class Sampler {
  abstract double sample(RandomStream random);

  static Sampler of(Distribution distribution) {
    if (distribution instanceof Distribution.Constant c) {
      return new Constant(c.value());
    } else if (distribution instanceof Distribution.Exponential e) {
      return new Exponential(e.mean());
    } else if (distribution instanceof Distribution.LogNormal l) {
      return new LogNormal(StrictMath.log(l.p50()), l.sigma());
    } else if (distribution instanceof Distribution.Gamma g) {
      return new Gamma(g.shape(), g.mean() / g.shape());
    }
    Distribution.Empirical e = (Distribution.Empirical) distribution;
    return new Empirical(e.quantiles().stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static final class Constant extends Sampler {
    private final double value;

    Constant(double value) {
      this.value = value;
    }

    @Override
    double sample(RandomStream random) {
      return value;
    }
  }

  private static final class Exponential extends Sampler {
    private final double mean;

    Exponential(double mean) {
      this.mean = mean;
    }

    @Override
    double sample(RandomStream random) {
      return random.nextExponential(mean);
    }
  }

  private static final class LogNormal extends Sampler {
    private final double mu;
    private final double sigma;

    LogNormal(double mu, double sigma) {
      this.mu = mu;
      this.sigma = sigma;
    }

    @Override
    double sample(RandomStream random) {
      return StrictMath.exp(mu + sigma * random.nextGaussian());
    }
  }

  private static final class Gamma extends Sampler {
    private final double shape;
    private final double scale;

    Gamma(double shape, double scale) {
      this.shape = shape;
      this.scale = scale;
    }

    @Override
    double sample(RandomStream random) {
      return random.nextGamma(shape, scale);
    }
  }

  private static final class Empirical extends Sampler {
    private final double[] quantiles;

    Empirical(double[] quantiles) {
      this.quantiles = quantiles;
    }

    @Override
    double sample(RandomStream random) {
      double x = random.nextDouble() * (quantiles.length - 1);
      int i = (int) x;
      double f = x - i;
      return quantiles[i] + f * (quantiles[i + 1] - quantiles[i]);
    }
  }
}
