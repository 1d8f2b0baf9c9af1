package io.rehearsal.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.rehearse.evaluation.ArmOutcome;
import io.rehearsal.rehearse.evaluation.ArmSeries;
import io.rehearsal.rehearse.evaluation.BucketMean;
import io.rehearsal.rehearse.evaluation.CandidateEvidence;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Metric;
import io.rehearsal.rehearse.evaluation.MetricDifference;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.OutcomeStatistics;
import io.rehearsal.rehearse.evaluation.Recommendation;
import io.rehearsal.rehearse.evaluation.ScoreComponent;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.report.Hypotheses;
import io.rehearsal.report.RankedArm;
import io.rehearsal.report.RehearsalReport;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code rehearsal sandbox evaluate --json}: one object whose field names are stable
 * (snake case, units in the name: {@code _s} seconds, {@code _replica_s} replica-seconds, rates as
 * fractions), non-finite numbers as null. Candidates are in rank order.
 */
public final class RehearsalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RehearsalJson() {}

  /** The report as one line of JSON. */
  public static String render(RehearsalReport r) {
    try {
      return MAPPER.writeValueAsString(tree(r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** The report as a JSON tree, for a caller that writes it with its own mapper. */
  public static ObjectNode tree(RehearsalReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("twin", r.twin());
    incident(root.putObject("incident"), r);
    hypotheses(root.putArray("hypotheses"), r.hypotheses());
    timeline(root.putObject("scenario"), r);
    procedure(root.putObject("procedure"), r);
    root.put("best_candidate", r.result().best());
    recommendation(root.putObject("recommendation"), r);
    objectives(root.putObject("objectives"), r);
    arm(
        root.putObject("do_nothing"),
        r.result().doNothingRank(),
        r.result().baselineScore().value(),
        r.result().baselineReplications(),
        r.result().baseline());
    ArrayNode candidates = root.putArray("candidates");
    for (RankedArm row : r.ranking()) {
      if (!row.doNothing()) {
        candidate(candidates.addObject(), row);
      }
    }
    series(root.putArray("series"), r.series());
    return root;
  }

  private static void incident(ObjectNode o, RehearsalReport r) {
    o.put("id", r.incident().id());
    o.put("title", r.incident().title());
    o.put("bucket_s", r.incident().symptoms().bucket());
    o.put("buckets", r.incident().symptoms().buckets());
    ArrayNode names = o.putArray("fitted_endpoints");
    r.fittedEndpoints().forEach(names::add);
  }

  private static void hypotheses(ArrayNode a, List<FaultHypothesis> ranked) {
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      FaultHypothesis h = ranked.get(i);
      ObjectNode o = a.addObject();
      o.put("rank", i + 1);
      o.put("kind", h.kind().name());
      o.put("target", h.target());
      num(o, "magnitude", h.magnitude());
      num(o, "capacity_loss_fraction", h.capacityLossFraction());
      num(o, "loss", h.loss());
      num(o, "goodness_of_fit", h.goodnessOfFit());
      o.put("description", Hypotheses.describe(h));
    }
  }

  private static void timeline(ObjectNode o, RehearsalReport r) {
    o.put("fault", Hypotheses.describe(r.rehearsedFault()));
    o.put("onset_s", r.timeline().onset());
    o.put("decision_s", r.timeline().decision());
    o.put("horizon_s", r.timeline().horizon());
    o.put("end_s", r.timeline().end());
    o.put("bucket_s", r.timeline().bucket());
  }

  private static void recommendation(ObjectNode o, RehearsalReport r) {
    Recommendation rec = r.result().recommendation();
    o.put("kind", rec.kind().name());
    o.put("candidate", rec.candidate());
    ArrayNode unmet = o.putArray("unmet_slos");
    rec.unmetSlos().forEach(unmet::add);
    o.put("sentence", rec.sentence());
  }

  private static void objectives(ObjectNode o, RehearsalReport r) {
    Objectives obj = r.plan().objectives();
    ObjectNode weights = o.putObject("slo_weights");
    obj.sloWeights().forEach(weights::put);
    o.put("cost_per_replica_second", obj.costWeight());
    o.put("risk_aversion", obj.riskAversion());
    ArrayNode multiples = o.putArray("graded_threshold_multiples");
    Objectives.GRADED_MULTIPLES.forEach(multiples::add);
  }

  private static void procedure(ObjectNode o, RehearsalReport r) {
    EvaluationResult e = r.result();
    o.put("method", "kim-nelson");
    o.put("seed", e.seed());
    o.put("stages", e.stages());
    o.put("total_replications", e.totalReplications());
    o.put("min_replications", r.plan().policy().minReplications());
    o.put("max_replications", r.plan().policy().maxReplications());
    o.put("indifference_zone", r.plan().policy().indifferenceZone());
    o.put("probability_of_correct_selection", e.probabilityOfCorrectSelection());
    o.put("precision_reached", r.precisionReached());
  }

  private static void arm(ObjectNode o, int rank, double score, int n, ArmOutcome outcome) {
    o.put("rank", rank);
    num(o, "score", score);
    o.put("replications", n);
    outcomes(o, outcome);
  }

  private static void candidate(ObjectNode o, RankedArm row) {
    CandidateEvidence e = row.evidence();
    o.put("name", row.name());
    arm(o, e.rank(), row.score(), row.replications(), row.outcome());
    o.put("eliminated_early", e.eliminatedEarly());
    num(o, "blast_radius", e.blastRadius());
    num(o, "declared_cost", row.declaredCost());
    num(o, "cost_delta_replica_s", e.difference(Metric.COST).mean());
    ObjectNode vs = o.putObject("vs_do_nothing");
    for (Metric m : Metric.values()) {
      difference(vs.putObject(key(m)), e.difference(m));
    }
    ArrayNode flags = o.putArray("flags");
    e.flags().stream().sorted().map(EvidenceFlag::name).forEach(flags::add);
    ArrayNode parts = o.putArray("score_components");
    for (ScoreComponent c : e.score().components()) {
      ObjectNode p = parts.addObject();
      p.put("name", c.name());
      num(p, "input", c.input());
      num(p, "weight", c.weight());
      num(p, "contribution", c.contribution());
      p.put("explanation", c.explanation());
    }
  }

  private static void outcomes(ObjectNode o, ArmOutcome outcome) {
    for (Metric m : Metric.values()) {
      num(o, key(m), outcome.of(m).mean());
    }
    ObjectNode worst = o.putObject("worst_decile");
    ObjectNode spread = o.putObject("distribution");
    for (Metric m : Metric.values()) {
      OutcomeStatistics s = outcome.of(m);
      num(worst, key(m), s.worstDecileMean());
      ObjectNode d = spread.putObject(key(m));
      num(d, "stddev", s.stddev());
      num(d, "p10", s.p10());
      num(d, "p50", s.p50());
      num(d, "p90", s.p90());
    }
  }

  private static void difference(ObjectNode o, MetricDifference d) {
    num(o, "mean", d.mean());
    num(o, "ci_low", d.ciLow());
    num(o, "ci_high", d.ciHigh());
    num(o, "probability_of_improvement", d.probabilityOfImprovement());
    num(o, "fraction_improved", d.fractionImproved());
  }

  private static void series(ArrayNode a, List<ArmSeries> all) {
    for (ArmSeries s : all) {
      ObjectNode o = a.addObject();
      o.put("arm", s.arm());
      o.put("replications", s.replications());
      o.put("bucket_s", s.bucket());
      ArrayNode start = o.putArray("start_s");
      ArrayNode p99 = o.putArray("p99_s");
      ArrayNode errors = o.putArray("error_rate");
      for (BucketMean b : s.buckets()) {
        start.add(b.start());
        add(p99, b.p99());
        add(errors, b.errorRate());
      }
    }
  }

  /** The metric's JSON key: snake case, with its unit where it has one. */
  private static String key(Metric m) {
    return switch (m) {
      case P99_LATENCY -> "p99_s";
      case TIME_TO_RECOVER -> "time_to_recover_s";
      case COST -> "cost_replica_s";
      default -> m.name().toLowerCase(Locale.ROOT);
    };
  }

  private static void num(ObjectNode o, String name, double value) {
    o.set(name, Numbers.finite(value));
  }

  private static void add(ArrayNode a, double value) {
    a.add(Numbers.finite(value));
  }
}
