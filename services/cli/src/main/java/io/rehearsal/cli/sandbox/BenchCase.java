package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.twin.bench.SpecScaling;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/**
 * The benchmark's standard case, built from a twin, an incident scenario and a candidate file: the
 * twin scaled to {@code rate} requests/s ({@link SpecScaling}: traffic and capacity together, so
 * the queueing regime stays the original's), the scenario's faults moved to start {@code warmup}
 * seconds into the run, the decision {@code detect} seconds after the first fault, and {@code
 * horizon} seconds simulated after it. Replica counts and rate limits in the candidates are scaled
 * like the twin's.
 *
 * @param spec the scaled twin
 * @param incident the incident, faults moved to the onset
 * @param candidates the scaled candidates on the twin's clock
 * @param config run length: measured over the horizon after the decision
 * @param factor the scaling factor
 * @param decision when the candidates act
 */
record BenchCase(
    TwinSpec spec,
    Scenario incident,
    List<Candidate> candidates,
    SimulationConfig config,
    double factor,
    double decision) {

  static BenchCase of(
      TwinSpec twin,
      Scenario scenario,
      CandidateSet set,
      double rate,
      double warmup,
      double detect,
      double horizon) {
    double factor = rate / SpecScaling.meanRequestRate(twin);
    TwinSpec spec = set.judgedBy(SpecScaling.scale(twin, factor));
    double first = scenario.faults().stream().mapToDouble(Fault::at).min().orElse(0);
    List<Fault> moved = scenario.faults().stream().map(f -> shift(f, warmup - first)).toList();
    Scenario incident = new Scenario(scenario.name(), moved, scenario.remediations());
    double decision = warmup + detect;
    List<Candidate> candidates =
        set.candidates(decision).stream().map(c -> scale(c, factor)).toList();
    SimulationConfig config = new SimulationConfig(decision + horizon, decision, 10, false);
    return new BenchCase(spec, incident, candidates, config, factor, decision);
  }

  /** A fresh plan of this case (equal for equal arguments), as another process would build it. */
  EvaluationPlan plan(long seed, ReplicationPolicy policy) {
    return new EvaluationPlan(
        spec, incident, candidates, config, seed, Objectives.DEFAULT, policy, 1);
  }

  private static Fault shift(Fault f, double by) {
    return new Fault(f.kind(), f.at() + by, f.duration(), f.target(), f.factor(), f.to());
  }

  private static Candidate scale(Candidate c, double factor) {
    return new Candidate(
        c.name(), c.remediations().stream().map(r -> scale(r, factor)).toList(), c.blastRadius());
  }

  /** SCALE targets and RATE_LIMIT rates grow with the twin; everything else is kept. */
  private static Remediation scale(Remediation r, double factor) {
    Double value = r.value();
    if (r.kind() == RemediationKind.SCALE) {
      value = Math.ceil(r.value() * factor - 1e-9);
    } else if (r.kind() == RemediationKind.RATE_LIMIT) {
      value = r.value() * factor;
    } else {
      return r;
    }
    return new Remediation(
        r.kind(),
        r.at(),
        r.delay(),
        r.target(),
        value,
        r.to(),
        r.retry(),
        r.breaker(),
        r.autoscaler(),
        r.weights());
  }
}
