package io.rehearsal.cli.sandbox;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.rehearse.Rehearsal;
import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Evaluator;
import io.rehearsal.rehearse.evaluation.SeriesCollector;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.rehearse.incident.FitEvaluation;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/**
 * One rehearsal, file to ranking: fit the incident's fault in the twin, put the best hypothesis on
 * the twin's clock ({@link Timeline}), run "do nothing" and every candidate under it with the
 * paired ranking-and-selection procedure, and keep each arm's time series.
 */
final class RehearsalRunner {
  /** Jobs of one replication each: the finest split, so threads stay busy to the end of a stage. */
  private static final int JOB_SIZE = 1;

  private RehearsalRunner() {}

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
        Rehearsal.fit(judged, symptoms, incident.baseline(), FitConfig.of(s.seed(), s.threads()));
    if (ranked.isEmpty()) {
      throw new CommandFailure(
          "incident "
              + incident.id()
              + " shows no symptom the twin can reproduce: nothing to rehearse");
    }
    Timeline t = Timeline.afterObservation(s.warmup(), symptoms.span(), s.horizon(), s.bucket());
    EvaluationPlan plan =
        Rehearsal.plan(
            incident.id(),
            judged,
            ranked,
            set.candidates(t.decision()),
            t,
            new Rehearsal.Settings(s.seed(), set.scoring(), s.policy(), JOB_SIZE));
    SeriesCollector series = new SeriesCollector(plan);
    EvaluationResult result = Evaluator.evaluate(plan, s.threads(), bar.counting(series));
    return new RehearsalReport(
        twin.name(), incident, symptoms.names(), ranked, t, plan, result, series.series(), set);
  }
}
