package io.rehearsal.cli.sandbox;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.SeriesCollector;
import io.rehearsal.rehearse.fitting.FaultFitter;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.rehearse.incident.FitEvaluation;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/**
 * One rehearsal, file to ranking: fit the incident's fault in the twin, put the best hypothesis on
 * the twin's clock ({@link Timeline}), run "do nothing" and every candidate under it with the
 * paired ranking-and-selection procedure, and keep each arm's time series.
 */
final class Rehearsal {
  /** Jobs of one replication each: the finest split, so threads stay busy to the end of a stage. */
  private static final int JOB_SIZE = 1;

  private Rehearsal() {}

  static RehearsalReport run(
      TwinSpec twin, Incident incident, CandidateSet set, RehearsalSettings s, ProgressBar bar) {
    TwinSpec judged = set.judgedBy(twin);
    Symptoms symptoms;
    try {
      symptoms = FitEvaluation.symptomsFor(incident, judged);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
    bar.phase("fitting the fault hypothesis");
    List<FaultHypothesis> ranked =
        FitEvaluation.fit(
            new FaultFitter(judged, FitConfig.of(s.seed(), s.threads())), judged, incident);
    if (ranked.isEmpty()) {
      throw new CommandFailure(
          "incident "
              + incident.id()
              + " shows no symptom the twin can reproduce: nothing to rehearse");
    }
    Timeline t = Timeline.of(s.warmup(), symptoms.span(), s.horizon(), s.bucket());
    Scenario fault =
        new Scenario(incident.id(), List.of(ranked.get(0).toFault(t.onset(), 0.0)), List.of());
    EvaluationPlan plan =
        new EvaluationPlan(
            judged,
            fault,
            set.candidates(t.decision()),
            new SimulationConfig(t.end(), t.decision(), t.bucket(), false),
            s.seed(),
            s.objectives(),
            s.policy(),
            JOB_SIZE);
    SeriesCollector series = new SeriesCollector(plan);
    EvaluationResult result = Evaluator.evaluate(plan, s.threads(), bar.counting(series));
    return new RehearsalReport(
        twin.name(), incident, symptoms.names(), ranked, t, plan, result, series.series(), set);
  }
}
