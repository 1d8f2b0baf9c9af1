package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.HashSet;
import java.util.Set;

/** The scalar measures of one run that the evaluation's metrics are built from. */
final class RunMeasures {
  private RunMeasures() {}

  /** Share of entry requests that did not succeed; 0 when no entry request was served. */
  static double entryErrorRate(TwinSpec spec, RunResult r) {
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

  /** Worst 99th percentile latency among entry endpoints, seconds; 0 when none was served. */
  static double worstEntryP99(TwinSpec spec, RunResult r) {
    Set<String> entries = entries(spec);
    return r.endpoints().stream()
        .filter(e -> entries.contains(e.endpoint()) && !Double.isNaN(e.p99()))
        .mapToDouble(EndpointResult::p99)
        .max()
        .orElse(0);
  }

  /** Seconds from the first fault to lasting SLO recovery; the run's duration if never. */
  static double timeToRecover(RunResult r) {
    return Double.isNaN(r.timeToRecover()) ? r.config().duration() : r.timeToRecover();
  }

  /** The entry endpoints: traffic targets and session steps. */
  static Set<String> entries(TwinSpec spec) {
    Set<String> entries = new HashSet<>();
    spec.traffic().forEach(t -> entries.add(t.endpoint()));
    spec.sessions().forEach(s -> entries.addAll(s.steps()));
    return entries;
  }
}
