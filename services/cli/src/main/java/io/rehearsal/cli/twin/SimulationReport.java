package io.rehearsal.cli.twin;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SloResult;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * What {@code twin simulate} reports, pooled over replications: per endpoint the counts and the
 * latency percentiles of the pooled histograms, the error share and the mean throughput; per SLO
 * the pooled latency at its percentile and availability, and in how many runs it was met.
 *
 * @param spec spec name
 * @param scenario scenario name
 * @param seed master seed
 * @param duration simulated seconds per run
 * @param warmup seconds excluded at the start of each run
 * @param runs the replications, in order
 * @param endpoints per endpoint, in spec order
 * @param slos per SLO, in spec order
 */
record SimulationReport(
    String spec,
    String scenario,
    long seed,
    double duration,
    double warmup,
    List<RunResult> runs,
    List<Row> endpoints,
    List<SloRow> slos) {

  /** One endpoint, pooled; latencies in seconds, throughput in successful requests per second. */
  record Row(
      String endpoint,
      long ok,
      long errors,
      long timeouts,
      long rejected,
      double p50,
      double p95,
      double p99,
      double errorRate,
      double throughput) {
    long requests() {
      return ok + errors + timeouts + rejected;
    }
  }

  /** One SLO, pooled; {@code metRuns} of {@code runs} met both targets. */
  record SloRow(
      String endpoint,
      double percentile,
      double latencyTarget,
      double availabilityTarget,
      double latency,
      double availability,
      int metRuns,
      int runs) {
    boolean met() {
      return metRuns == runs;
    }
  }

  static SimulationReport of(
      String spec,
      String scenario,
      long seed,
      double duration,
      double warmup,
      List<RunResult> runs) {
    List<Row> rows = new ArrayList<>();
    int endpoints = runs.get(0).endpoints().size();
    for (int e = 0; e < endpoints; e++) {
      rows.add(row(runs, e));
    }
    List<SloRow> slos = new ArrayList<>();
    for (int k = 0; k < runs.get(0).slos().size(); k++) {
      slos.add(slo(runs, k));
    }
    return new SimulationReport(spec, scenario, seed, duration, warmup, runs, rows, slos);
  }

  private static Row row(List<RunResult> runs, int e) {
    long ok = 0;
    long errors = 0;
    long timeouts = 0;
    long rejected = 0;
    double throughput = 0;
    for (RunResult r : runs) {
      EndpointResult x = r.endpoints().get(e);
      ok += x.ok();
      errors += x.errors();
      timeouts += x.timeouts();
      rejected += x.rejected();
      throughput += x.throughput() / runs.size();
    }
    AbstractHistogram h = pooled(runs, e);
    long total = ok + errors + timeouts + rejected;
    return new Row(
        runs.get(0).endpoints().get(e).endpoint(),
        ok,
        errors,
        timeouts,
        rejected,
        percentile(h, 50),
        percentile(h, 95),
        percentile(h, 99),
        total == 0 ? 0 : (double) (total - ok) / total,
        throughput);
  }

  private static SloRow slo(List<RunResult> runs, int k) {
    SloResult first = runs.get(0).slos().get(k);
    int e = indexOf(runs.get(0), first.endpoint());
    Row row = row(runs, e);
    int met = (int) runs.stream().filter(r -> r.slos().get(k).met()).count();
    return new SloRow(
        first.endpoint(),
        first.percentile(),
        first.latencyTarget(),
        first.availabilityTarget(),
        percentile(pooled(runs, e), first.percentile()),
        row.requests() == 0 ? 1 : (double) row.ok() / row.requests(),
        met,
        runs.size());
  }

  private static int indexOf(RunResult run, String endpoint) {
    for (int e = 0; e < run.endpoints().size(); e++) {
      if (run.endpoints().get(e).endpoint().equals(endpoint)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no endpoint '" + endpoint + "' in the results");
  }

  /** The replications' latency histograms (microseconds) added together. */
  static AbstractHistogram pooled(List<RunResult> runs, int e) {
    AbstractHistogram sum = runs.get(0).endpoints().get(e).latency().copy();
    for (int i = 1; i < runs.size(); i++) {
      sum.add(runs.get(i).endpoints().get(e).latency());
    }
    return sum;
  }

  /** The pooled percentile in seconds (NaN if nothing succeeded). */
  static double percentile(AbstractHistogram h, double p) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e6;
  }

  /** Mean over runs of entry requests per second. */
  double arrivalRate() {
    return runs.stream().mapToDouble(RunResult::arrivalRate).average().orElse(0);
  }

  /** Mean over runs of the mean latency of entry requests. */
  double meanLatency() {
    return runs.stream().mapToDouble(RunResult::meanLatency).average().orElse(0);
  }

  /** Mean over runs of the time to recover (NaN if some run never recovered). */
  double timeToRecover() {
    return runs.stream().mapToDouble(RunResult::timeToRecover).average().orElse(0);
  }

  /** Mean over runs of the cost in replica-seconds. */
  double cost() {
    return runs.stream().mapToDouble(RunResult::cost).average().orElse(0);
  }
}
