package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.ArmOutcome;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the ranking as printed: a candidate, or "do nothing" at the place it would rank.
 *
 * @param name the arm's name
 * @param evidence the candidate's evidence, or null for "do nothing"
 * @param outcome the arm's outcome distributions
 * @param score the arm's score
 * @param replications replications run
 * @param declaredCost the candidate file's declared cost (0 for "do nothing")
 */
record Row(
    String name,
    CandidateEvidence evidence,
    ArmOutcome outcome,
    double score,
    int replications,
    double declaredCost) {

  boolean doNothing() {
    return evidence == null;
  }

  double mean(Metric metric) {
    return outcome.of(metric).mean();
  }

  /** Candidates by rank with "do nothing" inserted at its rank. */
  static List<Row> ranked(RehearsalReport report) {
    EvaluationResult r = report.result();
    List<Row> rows = new ArrayList<>();
    r.candidates().stream()
        .sorted(Comparator.comparingInt(CandidateEvidence::rank))
        .forEach(
            e ->
                rows.add(
                    new Row(
                        e.candidate(),
                        e,
                        e.outcome(),
                        e.score().value(),
                        e.replications(),
                        report.candidates().entry(e.candidate()).cost())));
    Row doNothing =
        new Row(
            EvaluationPlan.DO_NOTHING,
            null,
            r.baseline(),
            r.baselineScore().value(),
            r.baselineReplications(),
            0);
    rows.add(Math.min(r.doNothingRank() - 1, rows.size()), doNothing);
    return rows;
  }
}
