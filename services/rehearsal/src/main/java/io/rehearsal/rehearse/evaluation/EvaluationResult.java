package io.rehearsal.rehearse.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The result of an evaluation.
 *
 * @param seed base seed of every arm's streams
 * @param baseline outcome of "do nothing" over all its replications
 * @param baselineScore score of "do nothing"
 * @param baselineReplications replications of "do nothing"
 * @param candidates evidence per candidate, in plan order
 * @param ranking candidate names, best first (the order of {@link CandidateEvidence#rank()})
 * @param doNothingRank where "do nothing" ranks: 1 + the number of candidates better than it
 *     (flagged neither {@link EvidenceFlag#NO_EFFECT} nor {@link
 *     EvidenceFlag#WORSE_THAN_DO_NOTHING}); those flagged rank below it
 * @param stages stages of the ranking-and-selection procedure
 * @param totalReplications runs of all arms together
 * @param probabilityOfCorrectSelection the procedure's stated PCS (unless {@link
 *     EvidenceFlag#PRECISION_NOT_REACHED} is raised)
 * @param recommendation the one sentence for the engineer
 * @param series every arm's predicted p99 and error rate per time bucket ({@link
 *     PredictedSeries#NONE} when the outcomes carried no series)
 */
public record EvaluationResult(
    long seed,
    ArmOutcome baseline,
    Score baselineScore,
    int baselineReplications,
    List<CandidateEvidence> candidates,
    List<String> ranking,
    int doNothingRank,
    int stages,
    int totalReplications,
    double probabilityOfCorrectSelection,
    Recommendation recommendation,
    PredictedSeries series) {
  /** Copies the lists. */
  public EvaluationResult {
    candidates = List.copyOf(candidates);
    ranking = List.copyOf(ranking);
    Objects.requireNonNull(series, "series");
  }

  /** A result without predicted series. */
  public EvaluationResult(
      long seed,
      ArmOutcome baseline,
      Score baselineScore,
      int baselineReplications,
      List<CandidateEvidence> candidates,
      List<String> ranking,
      int doNothingRank,
      int stages,
      int totalReplications,
      double probabilityOfCorrectSelection,
      Recommendation recommendation) {
    this(
        seed,
        baseline,
        baselineScore,
        baselineReplications,
        candidates,
        ranking,
        doNothingRank,
        stages,
        totalReplications,
        probabilityOfCorrectSelection,
        recommendation,
        PredictedSeries.NONE);
  }

  /** The evidence of the candidate with that name. */
  public CandidateEvidence candidate(String name) {
    return candidates.stream()
        .filter(c -> c.candidate().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown candidate '" + name + "'"));
  }

  /** The best candidate, or null when no candidate is better than "do nothing". */
  public String best() {
    return doNothingRank == 1 ? null : ranking.get(0);
  }
}
