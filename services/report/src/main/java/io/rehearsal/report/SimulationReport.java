package io.rehearsal.report;

import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SloResult;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * What {@code rehearsal twin simulate} reports, pooled over replications: per endpoint the counts
 * and the latency percentiles of the pooled histograms, the error share and the mean throughput;
 * per SLO the pooled latency at its percentile and availability, and in how many runs it was met.
 * Build it with {@link #of}.
 *
 * @param spec spec name
 * @param scenario scenario name
 * @param seed master seed
 * @param duration simulated seconds per run
 * @param warmup seconds excluded at the start of each run
 * @param runs the replications, in order, at least one
 * @param endpoints per endpoint, in spec order
 * @param slos per SLO, in spec order
 */
public record SimulationReport(
    String spec,
    String scenario,
    long seed,
    double duration,
    double warmup,
    List<RunResult> runs,
    List<Endpoint> endpoints,
    List<Slo> slos) {

  /** Copies the lists; checks there is at least one run. */
  public SimulationReport {
    runs = List.copyOf(runs);
    endpoints = List.copyOf(endpoints);
    slos = List.copyOf(slos);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("runs must list at least one, but was empty");
    }
  }

  /**
   * One endpoint, pooled over the runs.
   *
   * @param endpoint {@code service/METHOD /route}
   * @param ok requests that succeeded
   * @param errors requests that failed
   * @param timeouts requests that timed out
   * @param rejected requests turned away by a full queue or a limit
   * @param p50 median latency of the successful requests, seconds (NaN if none succeeded)
   * @param p95 95th percentile, seconds
   * @param p99 99th percentile, seconds
   * @param errorRate share of requests that did not succeed
   * @param throughput successful requests per second, mean over runs
   */
  public record Endpoint(
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

    /** Every request, whatever its outcome. */
    public long requests() {
      return ok + errors + timeouts + rejected;
    }
  }

  /**
   * One SLO, pooled over the runs.
   *
   * @param endpoint the endpoint it is set on
   * @param percentile the latency percentile it constrains (e.g. 99)
   * @param latencyTarget seconds the percentile must not exceed
   * @param availabilityTarget share of requests that must succeed
   * @param latency the pooled latency at the percentile, seconds
   * @param availability the pooled share of requests that succeeded
   * @param metRuns runs that met both targets
   * @param runs runs
   */
  public record Slo(
      String endpoint,
      double percentile,
      double latencyTarget,
      double availabilityTarget,
      double latency,
      double availability,
      int metRuns,
      int runs) {

    /** Whether every run met it. */
    public boolean met() {
      return metRuns == runs;
    }
  }

  /** Pools {@code runs} (at least one, all of the same spec) into a report. */
  public static SimulationReport of(
      String spec,
      String scenario,
      long seed,
      double duration,
      double warmup,
      List<RunResult> runs) {
    List<Endpoint> rows = new ArrayList<>();
    for (int e = 0; e < runs.get(0).endpoints().size(); e++) {
      rows.add(endpoint(runs, e));
    }
    List<Slo> slos = new ArrayList<>();
    for (int k = 0; k < runs.get(0).slos().size(); k++) {
      slos.add(slo(runs, k));
    }
    return new SimulationReport(spec, scenario, seed, duration, warmup, runs, rows, slos);
  }

  private static Endpoint endpoint(List<RunResult> runs, int e) {
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
    return new Endpoint(
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

  private static Slo slo(List<RunResult> runs, int k) {
    SloResult first = runs.get(0).slos().get(k);
    int e = indexOf(runs.get(0), first.endpoint());
    Endpoint row = endpoint(runs, e);
    int met = (int) runs.stream().filter(r -> r.slos().get(k).met()).count();
    return new Slo(
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

  /** The replications' latency histograms (microseconds) of endpoint {@code e} added together. */
  public static AbstractHistogram pooled(List<RunResult> runs, int e) {
    AbstractHistogram sum = runs.get(0).endpoints().get(e).latency().copy();
    for (int i = 1; i < runs.size(); i++) {
      sum.add(runs.get(i).endpoints().get(e).latency());
    }
    return sum;
  }

  /** The pooled percentile {@code p} in seconds (NaN if nothing succeeded). */
  public static double percentile(AbstractHistogram h, double p) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e6;
  }

  /** Mean over runs of entry requests per second. */
  public double arrivalRate() {
    return runs.stream().mapToDouble(RunResult::arrivalRate).average().orElse(0);
  }

  /** Mean over runs of the mean latency of entry requests. */
  public double meanLatency() {
    return runs.stream().mapToDouble(RunResult::meanLatency).average().orElse(0);
  }

  /** Mean over runs of the time to recover (NaN if some run never recovered). */
  public double timeToRecover() {
    return runs.stream().mapToDouble(RunResult::timeToRecover).average().orElse(0);
  }

  /** Mean over runs of the cost in replica-seconds. */
  public double cost() {
    return runs.stream().mapToDouble(RunResult::cost).average().orElse(0);
  }
}
