package io.rehearsal.report;

import io.rehearsal.rehearse.Timeline;
import io.rehearsal.rehearse.evaluation.ArmPrediction;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.PredictedSeries;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one rehearsal learned, as {@code rehearsal sandbox evaluate} and the review page show
 * it: the incident, the fault fitted to it, where it sits on the twin's clock, the ranking of the
 * candidates against "do nothing" with its evidence, and the time series of every arm. The text,
 * JSON and HTML renderers read nothing else.
 *
 * <p>A new figure is one more component here and one line in each renderer ({@code RehearsalText},
 * {@code RehearsalJson}, {@code RehearsalPage} and its template).
 *
 * @param twin the twin's name
 * @param incident the incident rehearsed
 * @param fittedEndpoints endpoints of the incident the twin has (the fit used these)
 * @param hypotheses fitted fault hypotheses, best first, at least one; the first is the scenario
 * @param timeline where the incident sits on the twin's clock
 * @param plan the evaluation's plan
 * @param result the evaluation's result
 * @param series per arm, "do nothing" first: the mean over replications, whole run (the result's
 *     {@link EvaluationResult#series()} holds the percentile bands of the measured window)
 * @param candidates the candidate file (declared costs)
 */
public record RehearsalReport(
    String twin,
    Incident incident,
    List<String> fittedEndpoints,
    List<FaultHypothesis> hypotheses,
    Timeline timeline,
    EvaluationPlan plan,
    EvaluationResult result,
    List<ArmSeries> series,
    CandidateSet candidates) {

  /** Checks that every part is present and at least one hypothesis; copies the lists. */
  public RehearsalReport {
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(candidates, "candidates");
    fittedEndpoints = List.copyOf(fittedEndpoints);
    hypotheses = List.copyOf(hypotheses);
    series = List.copyOf(series);
    if (hypotheses.isEmpty()) {
      throw new IllegalArgumentException("hypotheses must list at least one, but was empty");
    }
  }

  /** The fault everything was rehearsed under: the best fitted hypothesis. */
  public FaultHypothesis rehearsedFault() {
    return hypotheses.get(0);
  }

  /** Whether the ranking reached its probability of correct selection before the budget ran out. */
  public boolean precisionReached() {
    return result.candidates().stream()
        .noneMatch(c -> c.flagged(EvidenceFlag.PRECISION_NOT_REACHED));
  }

  /** Candidates by rank with "do nothing" inserted at its rank. */
  public List<RankedArm> ranking() {
    List<RankedArm> rows = new ArrayList<>();
    result.candidates().stream()
        .sorted(Comparator.comparingInt(CandidateEvidence::rank))
        .forEach(e -> rows.add(RankedArm.candidate(e, candidates.entry(e.candidate()).cost())));
    rows.add(Math.min(result.doNothingRank() - 1, rows.size()), RankedArm.doNothing(result));
    return rows;
  }

  /**
   * The predicted p10/p50/p90 of every arm per bucket of the measured window: the result's {@link
   * EvaluationResult#series()}, the same model the review page's plots are drawn from.
   */
  public PredictedSeries predicted() {
    return result.series();
  }

  /**
   * The predictions of "do nothing" and of the {@code top} best candidates by rank, "do nothing"
   * first; empty when the evaluation kept no series.
   */
  public List<ArmPrediction> predictions(int top) {
    PredictedSeries s = predicted();
    if (s.arms().isEmpty()) {
      return List.of();
    }
    List<ArmPrediction> arms = new ArrayList<>();
    arms.add(s.arm(EvaluationPlan.DO_NOTHING));
    result.candidates().stream()
        .sorted(Comparator.comparingInt(CandidateEvidence::rank))
        .limit(top)
        .forEach(e -> arms.add(s.arm(e.candidate())));
    return arms;
  }
}
