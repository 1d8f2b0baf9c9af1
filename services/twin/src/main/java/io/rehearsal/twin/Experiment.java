package io.rehearsal.twin;

import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.stats.PairedStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Rehearses candidate scenarios against a baseline ("do nothing"): N replications of each, with
 * replication i of every scenario drawing from the same random streams (common random numbers),
 * then paired differences per {@link Outcome} with 95% confidence intervals and the probability of
 * improvement.
 *
 * <pre>{@code
 * Scenario incident = TwinSpecs.readScenario(Path.of("shop-incident.yaml"));
 * Scenario scaleUp = incident.with("scale payment", List.of(
 *     Remediation.of(RemediationKind.SCALE, 360, "payment", 6.0)));
 * ExperimentResult result = new Experiment(spec, incident, List.of(scaleUp),
 *     SimulationConfig.of(1200).withWarmup(60), 42, 20).run(2);
 * double p = result.candidate("scale payment").difference(Outcome.ERROR_RATE).probabilityOfImprovement();
 * }</pre>
 */
public final class Experiment {
  private final TwinSpec spec;
  private final Engine engine;
  private final Scenario baseline;
  private final List<Scenario> candidates;
  private final SimulationConfig config;
  private final long seed;
  private final int replications;

  /**
   * Prepares an experiment.
   *
   * @throws io.rehearsal.twin.spec.InvalidSpecException if a scenario names unknown targets
   * @throws IllegalArgumentException if replications < 2
   */
  public Experiment(
      TwinSpec spec,
      Scenario baseline,
      List<Scenario> candidates,
      SimulationConfig config,
      long seed,
      int replications) {
    if (replications < 2) {
      throw new IllegalArgumentException("replications must be >= 2, but was " + replications);
    }
    baseline.validateAgainst(spec);
    candidates.forEach(c -> c.validateAgainst(spec));
    this.spec = spec;
    this.engine = new Engine(spec);
    this.baseline = baseline;
    this.candidates = List.copyOf(candidates);
    this.config = config;
    this.seed = seed;
    this.replications = replications;
  }

  /** Runs every (scenario, replication) pair on {@code threads} threads and compares. */
  public ExperimentResult run(int threads) {
    List<Scenario> all = new ArrayList<>();
    all.add(baseline);
    all.addAll(candidates);
    List<RunResult> runs =
        Simulation.runAll(all.size() * replications, threads, i -> runOne(all, i));
    List<RunResult> base = runs.subList(0, replications);
    List<CandidateResult> results = new ArrayList<>();
    for (int c = 0; c < candidates.size(); c++) {
      int from = (c + 1) * replications;
      results.add(compare(candidates.get(c).name(), base, runs.subList(from, from + replications)));
    }
    return new ExperimentResult(baseline.name(), seed, replications, base, results);
  }

  private RunResult runOne(List<Scenario> all, int task) {
    return engine.run(all.get(task / replications), config, seed, task % replications);
  }

  private CandidateResult compare(String name, List<RunResult> base, List<RunResult> cand) {
    List<PairedDifference> differences = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      double[] b = base.stream().mapToDouble(r -> outcome.of(spec, r)).toArray();
      double[] c = cand.stream().mapToDouble(r -> outcome.of(spec, r)).toArray();
      differences.add(PairedStats.compare(outcome, b, c));
    }
    return new CandidateResult(name, differences, cand);
  }
}
