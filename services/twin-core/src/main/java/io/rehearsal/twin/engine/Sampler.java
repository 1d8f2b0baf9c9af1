package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.Distribution;

/**
 * Draws from a compiled {@link Distribution}; stateless, so one instance serves all runs. One final
 * class switching on the kind, rather than a subclass per kind, so that the call on the hot path is
 * monomorphic and inlined.
 */
final class Sampler {
  private static final int CONSTANT = 0;
  private static final int EXPONENTIAL = 1;
  private static final int LOGNORMAL = 2;
  private static final int GAMMA = 3;
  private static final int EMPIRICAL = 4;
  private final int kind;
  private final double p1;
  private final double p2;
  private final double[] quantiles;

  private Sampler(int kind, double p1, double p2, double[] quantiles) {
    this.kind = kind;
    this.p1 = p1;
    this.p2 = p2;
    this.quantiles = quantiles;
  }

  static Sampler of(Distribution distribution) {
    if (distribution instanceof Distribution.Constant c) {
      return new Sampler(CONSTANT, c.value(), 0, null);
    } else if (distribution instanceof Distribution.Exponential e) {
      return new Sampler(EXPONENTIAL, e.mean(), 0, null);
    } else if (distribution instanceof Distribution.LogNormal l) {
      return new Sampler(LOGNORMAL, StrictMath.log(l.p50()), l.sigma(), null);
    } else if (distribution instanceof Distribution.Gamma g) {
      return new Sampler(GAMMA, g.shape(), g.mean() / g.shape(), null);
    }
    Distribution.Empirical e = (Distribution.Empirical) distribution;
    double[] q = e.quantiles().stream().mapToDouble(Double::doubleValue).toArray();
    return new Sampler(EMPIRICAL, 0, 0, q);
  }

  double sample(RandomStream random) {
    return switch (kind) {
      case CONSTANT -> p1;
      case EXPONENTIAL -> Draws.exponential(random, p1);
      case LOGNORMAL -> TableExp.exp(p1 + p2 * Draws.gaussian(random));
      case GAMMA -> Draws.gamma(random, p1, p2);
      default -> empirical(random);
    };
  }

  private double empirical(RandomStream random) {
    double x = random.nextDouble() * (quantiles.length - 1);
    int i = (int) x;
    double f = x - i;
    return quantiles[i] + f * (quantiles[i + 1] - quantiles[i]);
  }
}
