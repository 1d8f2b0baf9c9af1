package io.rehearsal.twin.engine;

import io.rehearsal.twin.spec.CacheSpec;
import io.rehearsal.twin.spec.DatabaseSpec;
import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.RetrySpec;
import java.util.Arrays;

/**
 * The parameters of one run that faults and remediations change while it runs. Fault-driven values
 * are recomputed from the set of active faults by {@link FaultEffects}; remediation-driven values
 * are set directly.
 *
 * <p>The arrays fall into groups by what they apply to, marked below: services, calls,
 * dependencies, databases, caches, traffic sources and the network; each is indexed like the {@link
 * Model}'s numbering. They stay flat fields of this one class on purpose. Holder objects per group
 * ({@code knobs.services.rate[s]}, {@code knobs.calls.timeout[c]}, with the handlers keeping a
 * reference to their group instead of to this class) were tried: the hot methods kept their
 * bytecode size and loads, but {@code rehearsal twin bench} put the grouped engine below this one
 * in five of six alternating pairs (median engine_vs_lean 0.226 against 0.235, on a loaded
 * machine), and the speed target leaves a margin of about 3%. {@link Flow}, {@link CallFlow} and
 * {@link Backends} read these arrays on nearly every request.
 */
final class Knobs {
  // Services, by service index: fault effects and the RATE_LIMIT remediation.

  /** Self-time multiplier (LATENCY faults). */
  final double[] latencyFactor;

  /** Seconds added to self time, as a wait (SERVICE_DELAY faults). */
  final double[] selfDelay;

  /** Workers per replica now (fewer under a WORKER_LOSS fault). */
  final int[] workers;

  private final int[] configuredWorkers;

  /** Added probability that a started request fails at once (ERROR_RATE faults). */
  final double[] errorAdd;

  /** Admitted requests per second, 0 for no limit; the bucket holds {@code max(1, rate)}. */
  final double[] serviceRate;

  final double[] serviceTokens;
  final double[] serviceLastRefill;

  // Calls, by call index: timeout and retry policy (the CALL_POLICY remediation).

  final double[] timeout;
  final int[] maxRetries;
  final double[] backoff;
  final double[] multiplier;
  final double[] maxBackoff;
  final double[] jitter;

  // Dependencies, by dependency index: DEPENDENCY_* faults (latency * factor + delay, outage)
  // and the dependency's token-bucket rate limit (answers 429 when empty).

  final double[] depFactor;
  final double[] depDelay;
  final boolean[] depOutage;
  final double[] depRate;
  final double[] depBurst;
  final double[] depTokens;
  final double[] depLastRefill;

  // Databases, by database index: DEPENDENCY_* faults and the end of a FAILOVER.

  final double[] dbFactor;
  final double[] dbDelay;
  final boolean[] dbOutage;

  /** Queries fail until then (a failover's replication lag). */
  final double[] dbDownUntil;

  // Caches, by cache index (the CACHE remediation).

  final double[] hitRatio;

  // Traffic sources (entries, then session kinds): TRAFFIC_SURGE and SHED_LOAD.

  final double[] surge;
  final double[] shed;

  // The network: where traffic enters (REROUTE, FAILOVER) and added delays (NETWORK_DELAY).

  final double[] regionWeight;

  /** One-way delay added between two services, {@code [from][to]}. */
  final double[][] serviceDelay;

  /** One-way delay added between two regions, {@code [from][to]}. */
  final double[][] regionDelay;

  /** Whether any entry of {@link #serviceDelay} or {@link #regionDelay} is other than +0.0. */
  boolean delays;

  Knobs(Model model) {
    int s = model.services;
    latencyFactor = filled(s, 1);
    selfDelay = new double[s];
    configuredWorkers = model.workers;
    workers = model.workers.clone();
    errorAdd = new double[s];
    serviceRate = new double[s];
    serviceTokens = new double[s];
    serviceLastRefill = new double[s];
    int c = model.calls.count;
    timeout = new double[c];
    maxRetries = new int[c];
    backoff = new double[c];
    multiplier = new double[c];
    maxBackoff = new double[c];
    jitter = new double[c];
    for (int i = 0; i < c; i++) {
      timeout[i] = model.calls.spec[i].timeout();
      setRetry(i, model.calls.spec[i].retry());
    }
    int d = model.spec.dependencies().size();
    depFactor = filled(d, 1);
    depDelay = new double[d];
    depOutage = new boolean[d];
    depRate = model.spec.dependencies().stream().mapToDouble(Knobs::rate).toArray();
    depBurst = model.spec.dependencies().stream().mapToDouble(Knobs::burst).toArray();
    depTokens = depBurst.clone();
    depLastRefill = new double[d];
    int db = model.spec.databases().size();
    dbFactor = filled(db, 1);
    dbDelay = new double[db];
    dbOutage = new boolean[db];
    dbDownUntil = new double[db];
    hitRatio = model.spec.caches().stream().mapToDouble(CacheSpec::hitRatio).toArray();
    surge = filled(model.spec.traffic().size() + model.spec.sessions().size(), 1);
    shed = new double[surge.length];
    regionWeight = model.regionWeight.clone();
    serviceDelay = new double[s][s];
    regionDelay = new double[model.regions][model.regions];
  }

  private static double rate(DependencySpec d) {
    return d.rateLimit() == null ? 0 : d.rateLimit().rate();
  }

  private static double burst(DependencySpec d) {
    return d.rateLimit() == null ? 0 : d.rateLimit().burst();
  }

  static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }

  void setRetry(int c, RetrySpec retry) {
    maxRetries[c] = retry == null ? 0 : retry.maxRetries();
    backoff[c] = retry == null ? 0 : retry.backoff();
    multiplier[c] = retry == null ? 1 : retry.multiplier();
    maxBackoff[c] = retry == null ? 0 : retry.maxBackoff();
    jitter[c] = retry == null ? 0 : retry.jitter();
  }

  /** Resets everything that faults drive to its neutral value. */
  void clearFaultEffects() {
    Arrays.fill(latencyFactor, 1);
    Arrays.fill(selfDelay, 0);
    System.arraycopy(configuredWorkers, 0, workers, 0, workers.length);
    Arrays.fill(errorAdd, 0);
    Arrays.fill(depFactor, 1);
    Arrays.fill(depDelay, 0);
    Arrays.fill(depOutage, false);
    Arrays.fill(dbFactor, 1);
    Arrays.fill(dbDelay, 0);
    Arrays.fill(dbOutage, false);
    Arrays.fill(surge, 1);
    for (double[] row : serviceDelay) {
      Arrays.fill(row, 0);
    }
    for (double[] row : regionDelay) {
      Arrays.fill(row, 0);
    }
  }

  /** Updates {@link #delays}; call after changing the delay tables. */
  void noteDelays() {
    delays = nonZero(serviceDelay) || nonZero(regionDelay);
  }

  private static boolean nonZero(double[][] table) {
    for (double[] row : table) {
      for (double x : row) {
        if (Double.doubleToRawLongBits(x) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Takes a token from a bucket refilled at {@code rate} up to {@code burst}; false if empty. */
  static boolean take(
      double[] tokens, double[] last, int i, double rate, double burst, double now) {
    tokens[i] = Math.min(burst, tokens[i] + (now - last[i]) * rate);
    last[i] = now;
    if (tokens[i] >= 1) {
      tokens[i] -= 1;
      return true;
    }
    return false;
  }

  static DatabaseSpec database(Model model, int i) {
    return model.spec.databases().get(i);
  }
}
