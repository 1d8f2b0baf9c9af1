package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.incident.Incident;
import java.util.List;

/**
 * Everything {@code sandbox evaluate} learned, for the text, JSON and HTML renderers.
 *
 * @param twin the twin's name
 * @param incident the incident rehearsed
 * @param fittedEndpoints endpoints of the incident the twin has (the fit used these)
 * @param hypotheses fitted fault hypotheses, best first; the first is the scenario
 * @param timeline where the incident sits on the twin's clock
 * @param plan the evaluation's plan
 * @param result the evaluation's result
 * @param series per arm, "do nothing" first
 * @param candidates the candidate file (declared costs)
 */
record RehearsalReport(
    String twin,
    Incident incident,
    List<String> fittedEndpoints,
    List<FaultHypothesis> hypotheses,
    Timeline timeline,
    EvaluationPlan plan,
    EvaluationResult result,
    List<ArmSeries> series,
    CandidateSet candidates) {}
