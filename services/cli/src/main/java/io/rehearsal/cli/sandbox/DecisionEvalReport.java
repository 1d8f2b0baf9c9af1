package io.rehearsal.cli.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.reality.PairedInterval;
import io.rehearsal.rehearse.reality.RankingAgreement;
import io.rehearsal.rehearse.reality.RealArm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code sandbox decision-eval} prints: the means over incidents ({@code incidents}, {@code
 * top1_agreement}, {@code kendall_tau}, {@code regret}) and per incident the twin's and the real
 * ranking with their figures, as JSON or as a table.
 *
 * @param view where the real outcomes came from ({@code spans} or {@code client})
 * @param incidents one row per incident compared
 * @param skipped incidents that could not be compared, with the reason
 */
record DecisionEvalReport(
    String view, List<DecisionEvalReport.Incident> incidents, Map<String, String> skipped) {
  static final double TOP1_TARGET = 0.8;
  static final double TAU_TARGET = 0.6;

  DecisionEvalReport {
    incidents = List.copyOf(incidents);
    skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
  }

  /**
   * One incident.
   *
   * @param id the incident
   * @param arms arm ids by arm name (candidate name or "do nothing")
   * @param twinScores the twin's risk-adjusted score by arm name
   * @param real the real outcome by arm name
   * @param vsBest per arm name, the paired interval of the real best minus the arm
   * @param agreement the comparison of the rankings
   */
  record Incident(
      String id,
      Map<String, String> arms,
      Map<String, Double> twinScores,
      Map<String, RealArm> real,
      Map<String, PairedInterval> vsBest,
      RankingAgreement agreement) {

    static Incident of(
        DecisionEvalManifest m,
        EvaluationResult result,
        Map<String, RealArm> real,
        RankingAgreement agreement,
        double confidence) {
      Map<String, String> arms = new LinkedHashMap<>();
      m.arms().forEach(a -> arms.put(DecisionEvalCommand.name(a), a.arm()));
      Map<String, Double> scores = new LinkedHashMap<>();
      for (String name : agreement.twinRanking()) {
        scores.put(
            name,
            name.equals(EvaluationPlan.DO_NOTHING)
                ? result.baselineScore().value()
                : result.candidate(name).score().value());
      }
      RealArm best = real.get(agreement.realRanking().get(0));
      Map<String, PairedInterval> vsBest = new LinkedHashMap<>();
      for (String name : agreement.realRanking()) {
        vsBest.put(
            name,
            PairedInterval.of(best.blockUtilities(), real.get(name).blockUtilities(), confidence));
      }
      return new Incident(m.incident(), arms, scores, real, vsBest, agreement);
    }
  }

  RankingAgreement.Summary summary() {
    return RankingAgreement.Summary.of(incidents.stream().map(Incident::agreement).toList());
  }

  String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    RankingAgreement.Summary s = summary();
    root.put("incidents", s.incidents());
    root.put("top1_agreement", s.top1Agreement());
    root.put("kendall_tau", s.kendallTau());
    root.put("regret", s.regret());
    root.put("view", view);
    ObjectNode targets = root.putObject("targets");
    targets.put("top1_agreement", TOP1_TARGET);
    targets.put("kendall_tau", TAU_TARGET);
    ArrayNode rows = root.putArray("per_incident");
    incidents.forEach(i -> incidentJson(i, rows.addObject()));
    ObjectNode left = root.putObject("skipped");
    skipped.forEach(left::put);
    try {
      return mapper.writeValueAsString(root) + System.lineSeparator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void incidentJson(Incident i, ObjectNode row) {
    RankingAgreement a = i.agreement();
    row.put("incident", i.id());
    row.put("twin_best", a.twinRanking().get(0));
    ArrayNode best = row.putArray("real_best");
    a.realRanking().stream().filter(a.realBest()::contains).forEach(best::add);
    row.put("top1", a.top1());
    row.put("kendall_tau", a.kendallTau());
    row.put("regret", a.regret());
    ArrayNode twin = row.putArray("twin_ranking");
    for (String name : a.twinRanking()) {
      ObjectNode arm = twin.addObject();
      arm.put("candidate", name);
      arm.put("arm", i.arms().get(name));
      arm.put("twin_score", i.twinScores().get(name));
    }
    ArrayNode real = row.putArray("real_ranking");
    for (String name : a.realRanking()) {
      RealArm r = i.real().get(name);
      PairedInterval d = i.vsBest().get(name);
      ObjectNode arm = real.addObject();
      arm.put("candidate", name);
      arm.put("arm", i.arms().get(name));
      arm.put("real_utility", r.utility());
      arm.put("graded_slo_attainment", r.gradedAttainment());
      arm.put("slo_attainment", r.attainment());
      arm.put("replica_seconds", r.replicaSeconds());
      ObjectNode gap = arm.putObject("best_minus_this");
      gap.put("mean", d.mean());
      gap.put("half_width", d.halfWidth());
      gap.put("confidence", d.confidence());
      arm.put("tied_with_best", a.realBest().contains(name));
    }
  }

  String table() {
    StringBuilder b = new StringBuilder();
    for (Incident i : incidents) {
      RankingAgreement a = i.agreement();
      b.append(
          String.format(
              Locale.ROOT,
              "%s  top1 %s  tau %.2f  regret %.4f%n",
              i.id(),
              a.top1() ? "yes" : "no",
              a.kendallTau(),
              a.regret()));
      b.append(
          String.format(
              Locale.ROOT,
              "  %-4s %-40s %10s   %-40s %10s%n",
              "rank",
              "twin",
              "score",
              "real",
              "utility"));
      for (int r = 0; r < a.twinRanking().size(); r++) {
        String t = a.twinRanking().get(r);
        String real = a.realRanking().get(r);
        b.append(
            String.format(
                Locale.ROOT,
                "  %-4d %-40s %10.4f   %-40s %10.4f%s%n",
                r + 1,
                t,
                i.twinScores().get(t),
                real,
                i.real().get(real).utility(),
                a.realBest().contains(real) ? " (best)" : ""));
      }
    }
    skipped.forEach((id, why) -> b.append(id).append("  skipped: ").append(why).append('\n'));
    RankingAgreement.Summary s = summary();
    b.append(
        String.format(
            Locale.ROOT,
            "incidents %d  top1_agreement %.2f (target %.1f)  kendall_tau %.2f (target %.1f)"
                + "  regret %.4f%n",
            s.incidents(),
            s.top1Agreement(),
            TOP1_TARGET,
            s.kendallTau(),
            TAU_TARGET,
            s.regret()));
    return b.toString();
  }
}
