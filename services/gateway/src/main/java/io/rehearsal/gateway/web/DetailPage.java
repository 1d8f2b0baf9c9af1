package io.rehearsal.gateway.web;

import io.quarkus.qute.TemplateData;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.RuleResult;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.ThresholdCheck;
import io.rehearsal.proto.v1.TwinFidelity;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One decision as the page shows it: the request, the incident's symptoms, the fitted faults, the
 * ranked candidates with their evidence, the twin's fidelity, the policy's explanation and the
 * reviews and audit trail ({@link StatusPart}). Every figure is formatted here, so the templates
 * only lay out strings.
 */
@TemplateData
record DetailPage(
    String id,
    String action,
    String target,
    String environment,
    String requester,
    String reason,
    String incidentId,
    String created,
    String expires,
    boolean overdue,
    String evaluationId,
    String evidenceHash,
    String policyVersion,
    String recommendation,
    Optional<IncidentPart> incident,
    List<Hypothesis> hypotheses,
    List<Candidate> candidates,
    Optional<Fidelity> fidelity,
    ExplanationPart explanation,
    StatusPart status,
    String missing) {

  @TemplateData
  record IncidentPart(
      String title, String severity, String detected, String onset, List<Symptom> symptoms) {}

  @TemplateData
  record Symptom(
      String target, String metric, String baseline, String last, String peak, int points) {}

  @TemplateData
  record Hypothesis(String target, String kind, String magnitude, String onset, String fit) {}

  @TemplateData
  record Candidate(
      int rank,
      String id,
      String summary,
      boolean requested,
      String score,
      List<String> components,
      String pImprovement,
      String utility,
      String p99,
      String errorRate,
      String replications,
      List<String> flags) {}

  @TemplateData
  record Fidelity(
      String p50, String p99, String throughput, boolean stale, String calibrated, String age) {}

  @TemplateData
  record ExplanationPart(
      String effect, boolean defaultDeny, int requiredApprovers, List<Rule> rules) {}

  @TemplateData
  record Rule(String id, boolean matched, String effect, String reason, List<String> checks) {}

  /**
   * Builds the page; {@code evaluation} and {@code incident} are empty when the store lacks them.
   */
  static DetailPage of(
      Decision d,
      Optional<Evaluation> evaluation,
      Optional<Incident> incident,
      Explanation explanation,
      StatusPart status,
      Instant now) {
    var r = d.getRequest();
    Optional<Evidence> requested =
        evaluation.flatMap(
            e ->
                e.getEvidenceList().stream()
                    .filter(x -> x.getCandidate().getId().equals(r.getRemediation().getId()))
                    .findFirst());
    return new DetailPage(
        d.getId(),
        ListPage.action(d),
        target(r.getRemediation().getTarget()),
        Format.name(r.getEnvironment(), "ENVIRONMENT_"),
        r.getRequester(),
        r.getReason(),
        r.getIncidentId(),
        Format.time(d.getCreatedAt()),
        Format.time(d.getExpiresAt()),
        ListPage.overdue(d, now),
        d.getEvaluationId(),
        d.getEvidenceHash(),
        d.getPolicyVersion(),
        evaluation.map(Evaluation::getRecommendation).orElse(""),
        incident.map(DetailPage::incident),
        evaluation
            .map(e -> e.getFaultHypothesesList().stream().map(DetailPage::hypothesis).toList())
            .orElse(List.of()),
        evaluation.map(e -> candidates(e, r.getRemediation().getId())).orElse(List.of()),
        requested.filter(Evidence::hasTwinFidelity).map(e -> fidelity(e.getTwinFidelity(), now)),
        explanation(explanation),
        status,
        missing(d, evaluation, incident));
  }

  private static String missing(
      Decision d, Optional<Evaluation> evaluation, Optional<Incident> incident) {
    StringBuilder s = new StringBuilder();
    if (!d.getEvaluationId().isEmpty() && evaluation.isEmpty()) {
      s.append("evaluation ").append(d.getEvaluationId()).append(" is no longer in the store. ");
    }
    if (!d.getRequest().getIncidentId().isEmpty() && incident.isEmpty()) {
      s.append("incident ")
          .append(d.getRequest().getIncidentId())
          .append(" is not in the store (no symptoms to show).");
    }
    return s.toString().strip();
  }

  static String target(io.rehearsal.proto.v1.Target t) {
    StringBuilder s = new StringBuilder(t.getService());
    if (!t.getEndpoint().isEmpty()) {
      s.append(' ').append(t.getEndpoint());
    }
    if (!t.getDependency().isEmpty()) {
      s.append(" → ").append(t.getDependency());
    }
    if (!t.getRegion().isEmpty()) {
      s.append(" (").append(t.getRegion()).append(')');
    }
    return s.toString();
  }

  private static IncidentPart incident(Incident i) {
    return new IncidentPart(
        i.getTitle(),
        Format.name(i.getSeverity(), "SEVERITY_"),
        Format.time(i.getDetectedAt()),
        Format.time(i.getOnset()),
        i.getSymptomsList().stream().map(DetailPage::symptom).toList());
  }

  private static Symptom symptom(SymptomSeries s) {
    List<SeriesPoint> p = s.getPointsList();
    double peak = p.stream().mapToDouble(SeriesPoint::getValue).max().orElse(Double.NaN);
    double last = p.isEmpty() ? Double.NaN : p.get(p.size() - 1).getValue();
    return new Symptom(
        target(s.getTarget()),
        Format.name(s.getMetric(), "METRIC_KIND_"),
        Format.number(s.getBaseline(), 3),
        Format.number(last, 3),
        Format.number(peak, 3),
        p.size());
  }

  private static Hypothesis hypothesis(FaultHypothesis h) {
    return new Hypothesis(
        target(h.getTarget()),
        Format.name(h.getKind(), "FAULT_KIND_"),
        Format.number(h.getMagnitude(), 3),
        Format.time(h.getOnset()),
        Format.number(h.getGoodnessOfFit(), 3));
  }

  private static List<Candidate> candidates(Evaluation e, String requestedId) {
    return e.getEvidenceList().stream()
        .sorted(Comparator.comparingInt(Evidence::getRank))
        .map(x -> candidate(x, requestedId))
        .toList();
  }

  private static Candidate candidate(Evidence e, String requestedId) {
    var c = e.getCandidate();
    var vs = e.getVsDoNothing();
    return new Candidate(
        e.getRank(),
        c.getId(),
        c.getSummary(),
        c.getId().equals(requestedId),
        Format.number(e.getScore().getValue(), 4),
        e.getScore().getComponentsList().stream()
            .map(
                x ->
                    x.getName()
                        + " "
                        + Format.number(x.getContribution(), 4)
                        + (x.getExplanation().isEmpty() ? "" : " (" + x.getExplanation() + ")"))
            .toList(),
        Format.number(vs.getUtility().getProbabilityOfImprovement(), 2),
        Format.paired(vs.getUtility(), 4),
        Format.paired(vs.getP99LatencyMs(), 1),
        Format.paired(vs.getErrorRate(), 4),
        e.getReplications() + (e.getEliminatedEarly() ? " (eliminated early)" : ""),
        e.getFlagsList().stream().map(f -> Format.name(f, "EVIDENCE_FLAG_")).toList());
  }

  private static Fidelity fidelity(TwinFidelity f, Instant now) {
    boolean calibrated = f.hasCalibratedAt();
    return new Fidelity(
        Format.percent(f.getLatencyP50Mape()),
        Format.percent(f.getLatencyP99Mape()),
        Format.percent(f.getThroughputMape()),
        f.getStale(),
        calibrated ? Format.time(f.getCalibratedAt()) : "not recorded",
        calibrated
            ? Format.age(Duration.between(Format.instant(f.getCalibratedAt()), now))
            : "unknown");
  }

  private static ExplanationPart explanation(Explanation x) {
    return new ExplanationPart(
        Format.name(x.getEffect(), "POLICY_EFFECT_"),
        x.getDefaultDeny(),
        x.getRequiredApprovers(),
        x.getRulesList().stream().map(DetailPage::rule).toList());
  }

  private static Rule rule(RuleResult r) {
    return new Rule(
        r.getRuleId(),
        r.getMatched(),
        Format.name(r.getEffect(), "POLICY_EFFECT_"),
        r.getReason(),
        r.getChecksList().stream().map(DetailPage::check).toList());
  }

  private static String check(ThresholdCheck c) {
    return c.getQuantity()
        + " "
        + Format.name(c.getComparison(), "COMPARISON_")
            .toLowerCase(java.util.Locale.ROOT)
            .replace('_', ' ')
        + " "
        + Format.number(c.getThreshold(), 3)
        + ": "
        + (c.hasObserved() ? Format.number(c.getObserved(), 3) : "not available")
        + (c.getPassed() ? " ✓" : " ✗");
  }

  /** Whether a reviewer can still act (the desk decides; this only hides the forms). */
  static boolean reviewable(DecisionState s) {
    return s == DecisionState.DECISION_STATE_PENDING_APPROVAL;
  }

  static String verdict(Review r) {
    return Format.name(r.getVerdict(), "REVIEW_VERDICT_");
  }
}
