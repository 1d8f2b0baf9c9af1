package io.rehearsal.twin;

import java.util.HashSet;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/** A scalar outcome of a run that experiments compare, and which direction is better. */
public enum Outcome {
  /** Share of SLOs met over the measured window. */
  SLO_ATTAINMENT(true, (spec, r) -> r.sloAttainment()),
  /** Share of entry requests that did not succeed. */
  ERROR_RATE(false, Outcome::entryErrorRate),
  /** Mean latency of entry requests, seconds. */
  MEAN_LATENCY(false, (spec, r) -> r.meanLatency()),
  /** Worst 99th percentile latency among entry endpoints, seconds. */
  P99_LATENCY(false, Outcome::worstP99),
  /** Seconds from the first fault to lasting SLO recovery; the rest of the run if never. */
  TIME_TO_RECOVER(false, Outcome::recovery),
  /** Replica-seconds of all services. */
  COST(false, (spec, r) -> r.cost());

  private final boolean higherIsBetter;
  private final ToDoubleBiFunction<TwinSpec, RunResult> extractor;

  Outcome(boolean higherIsBetter, ToDoubleBiFunction<TwinSpec, RunResult> extractor) {
    this.higherIsBetter = higherIsBetter;
    this.extractor = extractor;
  }

  /** Whether larger values are better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The value of this outcome in a run of {@code spec}. */
  public double of(TwinSpec spec, RunResult run) {
    return extractor.applyAsDouble(spec, run);
  }

  private static Set<String> entries(TwinSpec spec) {
    Set<String> entries = new HashSet<>();
    spec.traffic().forEach(t -> entries.add(t.endpoint()));
    spec.sessions().forEach(s -> entries.addAll(s.steps()));
    return entries;
  }

  private static double entryErrorRate(TwinSpec spec, RunResult r) {
    Set<String> entries = entries(spec);
    long total = 0;
    long failed = 0;
    for (EndpointResult e : r.endpoints()) {
      if (entries.contains(e.endpoint())) {
        total += e.total();
        failed += e.total() - e.ok();
      }
    }
    return total == 0 ? 0 : (double) failed / total;
  }

  private static double worstP99(TwinSpec spec, RunResult r) {
    Set<String> entries = entries(spec);
    return r.endpoints().stream()
        .filter(e -> entries.contains(e.endpoint()) && !Double.isNaN(e.p99()))
        .mapToDouble(EndpointResult::p99)
        .max()
        .orElse(0);
  }

  private static double recovery(TwinSpec spec, RunResult r) {
    if (!Double.isNaN(r.timeToRecover())) {
      return r.timeToRecover();
    }
    return r.config().duration();
  }
}
