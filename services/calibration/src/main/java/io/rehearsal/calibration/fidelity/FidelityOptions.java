package io.rehearsal.calibration.fidelity;

/**
 * How a twin is replayed against a recording.
 *
 * @param replications independent twin runs pooled into the prediction (default 5)
 * @param threads threads running them (results do not depend on it)
 * @param seed master seed of the twin runs
 * @param warmup simulated seconds before the measured period, at the recording's first rate
 *     (default 30)
 * @param step seconds per step of the replayed arrival rates (default 10)
 * @param minRequests endpoints observed fewer times than this (requests, sampling taken into
 *     account) are listed but left out of the summary (default 30)
 * @param entryOnly whether the summary holds the entry endpoints only (default false: every
 *     endpoint, calls included)
 */
public record FidelityOptions(
    int replications,
    int threads,
    long seed,
    double warmup,
    double step,
    int minRequests,
    boolean entryOnly) {

  /** Options whose summary holds every endpoint. */
  public FidelityOptions(
      int replications, int threads, long seed, double warmup, double step, int minRequests) {
    this(replications, threads, seed, warmup, step, minRequests, false);
  }

  /** Validates the options; messages name the field and the bad value. */
  public FidelityOptions {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1, but was " + replications);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
    }
    if (!(warmup >= 0) || Double.isInfinite(warmup)) {
      throw new IllegalArgumentException("warmup must be >= 0, but was " + warmup);
    }
    if (!(step > 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException("step must be > 0, but was " + step);
    }
    if (minRequests < 1) {
      throw new IllegalArgumentException("minRequests must be >= 1, but was " + minRequests);
    }
  }

  /** Five replications on one thread, seed 1, 30 s warm-up, 10 s steps, 30 requests minimum. */
  public static FidelityOptions defaults() {
    return new FidelityOptions(5, 1, 1, 30, 10, 30);
  }

  /** These options with another number of replications and threads. */
  public FidelityOptions withReplications(int n, int threadCount) {
    return new FidelityOptions(n, threadCount, seed, warmup, step, minRequests, entryOnly);
  }

  /** These options with a summary over the entry endpoints only, or over all. */
  public FidelityOptions withEntryOnly(boolean entry) {
    return new FidelityOptions(replications, threads, seed, warmup, step, minRequests, entry);
  }
}
