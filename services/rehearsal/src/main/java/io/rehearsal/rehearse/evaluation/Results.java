package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.spec.SloSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns merged replication outcomes into statistics, evidence, flags and the ranking. */
final class Results {
  private final EvaluationPlan plan;
  private final ReplicationOutcome[][] outcomes;
  private final int[] replications;
  private final boolean[] alive;
  private final boolean unresolved;
  private final int stages;

  Results(
      EvaluationPlan plan,
      ReplicationOutcome[][] outcomes,
      int[] replications,
      boolean[] alive,
      boolean unresolved,
      int stages) {
    this.plan = plan;
    this.outcomes = outcomes;
    this.replications = replications;
    this.alive = alive;
    this.unresolved = unresolved;
    this.stages = stages;
  }

  EvaluationResult build() {
    ArmOutcome baseline = outcome(0, replications[0]);
    List<CandidateEvidence> evidence = new ArrayList<>();
    for (int arm = 1; arm < plan.arms(); arm++) {
      evidence.add(evidence(arm));
    }
    List<CandidateEvidence> ranked = rank(evidence);
    int total = 0;
    for (int n : replications) {
      total += n;
    }
    int doNothingRank = 1 + (int) ranked.stream().filter(e -> group(e) <= 1).count();
    List<CandidateEvidence> inOrder = new ArrayList<>(ranked);
    inOrder.sort(Comparator.comparingInt(e -> plan.candidates().indexOf(candidate(e))));
    return new EvaluationResult(
        plan.seed(),
        baseline,
        score(baseline),
        replications[0],
        inOrder,
        ranked.stream().map(CandidateEvidence::candidate).toList(),
        doNothingRank,
        stages,
        total,
        plan.policy().probabilityOfCorrectSelection(),
        recommend(baseline, doNothingRank == 1 ? null : ranked.get(0)),
        Predictions.of(plan, outcomes, replications));
  }

  /**
   * The sentence for the engineer: the best candidate restores every SLO, or mitigates (naming the
   * SLOs it leaves below target, and saying "no candidate restores" only of SLOs no candidate
   * restores), or nothing beats doing nothing.
   */
  private Recommendation recommend(ArmOutcome doNothing, CandidateEvidence best) {
    if (best == null) {
      return Recommendation.doNothing();
    }
    int arm = plan.candidates().indexOf(candidate(best)) + 1;
    List<String> unmet = unmetSlos(arm);
    if (unmet.isEmpty()) {
      return Recommendation.restores(
          best.candidate(), best.outcome().of(Metric.TIME_TO_RECOVER).p50());
    }
    List<String> nobody = new ArrayList<>(unmet);
    for (int other = 1; other < plan.arms(); other++) {
      nobody.retainAll(unmetSlos(other));
    }
    return Recommendation.mitigates(
        best.candidate(), nobody.isEmpty() ? unmet : nobody, doNothing, best.outcome());
  }

  /** Endpoints of the SLOs whose mean good-event share stays below target in this arm. */
  private List<String> unmetSlos(int arm) {
    List<SloSpec> slos = plan.spec().slos();
    List<String> unmet = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) {
      double sum = 0;
      for (int r = 0; r < replications[arm]; r++) {
        sum += outcomes[arm][r].perSlo().get(i);
      }
      if (sum / replications[arm] < slos.get(i).availability()) {
        unmet.add(slos.get(i).endpoint());
      }
    }
    return unmet;
  }

  private Candidate candidate(CandidateEvidence e) {
    return plan.candidates().stream().filter(c -> c.name().equals(e.candidate())).findFirst().get();
  }

  private CandidateEvidence evidence(int arm) {
    int n = replications[arm];
    ArmOutcome outcome = outcome(arm, n);
    List<MetricDifference> differences = new ArrayList<>();
    for (Metric m : Metric.values()) {
      differences.add(MetricDifference.of(m, values(0, m, n), values(arm, m, n)));
    }
    return new CandidateEvidence(
        plan.armName(arm),
        outcome,
        differences,
        n,
        !alive[arm],
        0,
        score(outcome),
        flags(arm, differences),
        plan.candidates().get(arm - 1).blastRadius());
  }

  private Set<EvidenceFlag> flags(int arm, List<MetricDifference> d) {
    Set<EvidenceFlag> flags = EnumSet.noneOf(EvidenceFlag.class);
    MetricDifference utility = d.get(Metric.UTILITY.ordinal());
    if (utility.significantlyWorse()) {
      flags.add(EvidenceFlag.WORSE_THAN_DO_NOTHING);
    } else if (utility.containsZero()) {
      flags.add(EvidenceFlag.NO_EFFECT);
    }
    int notRecovered = 0;
    for (int r = 0; r < replications[arm]; r++) {
      notRecovered += outcomes[arm][r].recovered() ? 0 : 1;
    }
    if (2 * notRecovered >= replications[arm]) {
      flags.add(EvidenceFlag.DOES_NOT_RECOVER);
    }
    if (d.get(Metric.COST.ordinal()).significantlyWorse()) {
      flags.add(EvidenceFlag.HIGHER_COST);
    }
    if (unresolved && alive[arm]) {
      flags.add(EvidenceFlag.PRECISION_NOT_REACHED);
    }
    return flags;
  }

  /**
   * Orders candidates: better than "do nothing" and still in contention first, then those better
   * but eliminated early, then those with no effect (do nothing wins the tie: they rank below it),
   * then those worse than "do nothing"; within a group by score (higher first), then mean cost,
   * then blast radius (lower first), then plan order.
   */
  private List<CandidateEvidence> rank(List<CandidateEvidence> evidence) {
    Comparator<CandidateEvidence> order =
        Comparator.comparingInt(Results::group)
            .thenComparing(e -> -e.score().value())
            .thenComparingDouble(e -> e.outcome().of(Metric.COST).mean())
            .thenComparingDouble(CandidateEvidence::blastRadius)
            .thenComparingInt(evidence::indexOf);
    List<CandidateEvidence> sorted = new ArrayList<>(evidence);
    sorted.sort(order);
    List<CandidateEvidence> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      ranked.add(sorted.get(i).withRank(i + 1));
    }
    return ranked;
  }

  private static int group(CandidateEvidence e) {
    if (e.flagged(EvidenceFlag.WORSE_THAN_DO_NOTHING)) {
      return 3;
    }
    if (e.flagged(EvidenceFlag.NO_EFFECT)) {
      return 2;
    }
    return e.eliminatedEarly() ? 1 : 0;
  }

  private ArmOutcome outcome(int arm, int n) {
    List<OutcomeStatistics> stats = new ArrayList<>();
    for (Metric m : Metric.values()) {
      stats.add(OutcomeStatistics.of(values(arm, m, n), m.higherIsBetter()));
    }
    return new ArmOutcome(stats);
  }

  private Score score(ArmOutcome o) {
    return Score.of(
        o.of(Metric.GRADED_SLO_ATTAINMENT),
        o.of(Metric.COST),
        o.of(Metric.UTILITY),
        plan.objectives());
  }

  private double[] values(int arm, Metric metric, int n) {
    double[] v = new double[n];
    for (int r = 0; r < n; r++) {
      v[r] = metric.of(outcomes[arm][r], plan.objectives());
    }
    return v;
  }
}
