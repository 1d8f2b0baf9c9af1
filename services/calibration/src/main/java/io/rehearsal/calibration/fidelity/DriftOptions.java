package io.rehearsal.calibration.fidelity;

/**
 * How {@link LiveDrift} simulates the twin for the observed load.
 *
 * @param simulated measured simulated seconds per replication (default 120)
 * @param warmup simulated seconds before them, at the same rates (default 20)
 * @param replications independent twin runs pooled into the prediction (default 2)
 * @param seed master seed of the twin runs (default 1): the same windows give the same report
 * @param minRequests endpoints observed fewer times than this are listed but left out of the
 *     summary (default 30)
 */
public record DriftOptions(
    double simulated, double warmup, int replications, long seed, long minRequests) {

  /** Validates the options; messages name the field and the bad value. */
  public DriftOptions {
    if (!(simulated > 0) || Double.isInfinite(simulated)) {
      throw new IllegalArgumentException("simulated must be > 0 seconds, but was " + simulated);
    }
    if (!(warmup >= 0) || Double.isInfinite(warmup)) {
      throw new IllegalArgumentException("warmup must be >= 0 seconds, but was " + warmup);
    }
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1, but was " + replications);
    }
    if (minRequests < 1) {
      throw new IllegalArgumentException("minRequests must be >= 1, but was " + minRequests);
    }
  }

  /** 120 simulated seconds after 20 of warm-up, 2 replications, seed 1, 30 requests minimum. */
  public static DriftOptions defaults() {
    return new DriftOptions(120, 20, 2, 1, 30);
  }
}
