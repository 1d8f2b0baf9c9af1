package io.rehearsal.rehearse.fitting;

/**
 * How the fault fitter simulates and searches.
 *
 * @param warmup simulated seconds before the onset (a multiple of the symptoms' bucket), so queues
 *     and caches reach steady state
 * @param seed seed of the fitter's runs (all hypotheses share it: common random numbers)
 * @param refine how many of the best screened hypotheses get a 1-D magnitude search
 * @param refineEvaluations simulations per golden-section search
 * @param threads simulations run in parallel
 * @param replications replications averaged per simulated magnitude (replication r of every
 *     hypothesis uses the same streams); more smooths the twin's own noise on short, low-rate
 *     windows such as recorded incidents
 */
public record FitConfig(
    double warmup, long seed, int refine, int refineEvaluations, int threads, int replications) {
  /** Validates the configuration. */
  public FitConfig {
    if (!(warmup >= 0) || Double.isInfinite(warmup)) {
      throw new IllegalArgumentException("warmup must be >= 0, but was " + warmup);
    }
    if (refine < 0 || refineEvaluations < 0) {
      throw new IllegalArgumentException(
          "refine and refineEvaluations must be >= 0, but were "
              + refine
              + ", "
              + refineEvaluations);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
    }
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1, but was " + replications);
    }
  }

  /** One replication per simulated magnitude. */
  public FitConfig(double warmup, long seed, int refine, int refineEvaluations, int threads) {
    this(warmup, seed, refine, refineEvaluations, threads, 1);
  }

  /** 30 s warm-up, refine the best 3 with 5 simulations each, on {@code threads} threads. */
  public static FitConfig of(long seed, int threads) {
    return new FitConfig(30, seed, 3, 5, threads);
  }

  /** This configuration averaging {@code n} replications per simulated magnitude. */
  public FitConfig withReplications(int n) {
    return new FitConfig(warmup, seed, refine, refineEvaluations, threads, n);
  }
}
