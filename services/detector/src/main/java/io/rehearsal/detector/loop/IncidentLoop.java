package io.rehearsal.detector.loop;

import io.rehearsal.detector.incident.IncidentOpened;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.proposal.Catalog;
import io.rehearsal.ml.proposal.PreRanker;
import io.rehearsal.ml.proposal.Proposals;
import io.rehearsal.ml.proposal.Proposer;
import io.rehearsal.ml.rca.RcaConfig;
import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.RootCauseRanker;
import io.rehearsal.ml.rca.SpanEvidence;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One incident through the loop: suspects and proposals from the spans around its onset, the
 * proposals rehearsed by the sandbox (whose fitted fault hypotheses re-rank the suspects: {@link
 * SuspectFit}), the best one submitted to the gateway with its evaluation, then {@link Aftermath}
 * follows the decision. Every step is recorded on the incident and counted; a remote step that
 * fails is retried with backoff a bounded number of times and then recorded as failed. Nothing here
 * throws into the detector.
 */
final class IncidentLoop {
  private static final Logger LOG = Logger.getLogger(IncidentLoop.class);
  private static final int SUSPECTS_KEPT = 5;

  /** What the loop needs besides the incident. */
  record Parts(
      Optional<Catalog> catalog,
      String catalogProblem,
      Supplier<Optional<CurrentTwin>> twin,
      RecentSpans spans,
      Supplier<EvaluationOutcomes.Trained> preRanker,
      IncidentNotes notes,
      Remotes remotes,
      LoopMetrics metrics,
      LoopSettings settings,
      Clock clock) {}

  private final Parts p;
  private final Aftermath aftermath;
  private final Attempts attempts;

  IncidentLoop(Parts parts, Aftermath aftermath) {
    this.p = parts;
    this.aftermath = aftermath;
    this.attempts = new Attempts(parts.settings().attempts(), parts.settings().backoff());
  }

  /** Runs the loop for a newly opened incident; returns when it has nothing more to do. */
  void run(IncidentOpened opened) {
    try {
      runChecked(opened);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warnf(e, "The loop for incident %s stopped", opened.id());
      record(opened.id(), "loop", "failed", 1, "stopped: " + e);
    }
  }

  private void runChecked(IncidentOpened opened) throws InterruptedException {
    String id = opened.id();
    if (p.catalog().isEmpty()) {
      record(id, "loop", "skipped", 1, "loop off: " + p.catalogProblem());
      return;
    }
    Optional<CurrentTwin> twin = p.twin().get();
    if (twin.isEmpty()) {
      record(id, "loop", "skipped", 1, "loop off: no current twin snapshot in the store");
      return;
    }
    Optional<io.rehearsal.proto.v1.Incident> stored = p.notes().read(id);
    if (stored.isEmpty()) {
      return;
    }
    if (!stored.get().getDecisionId().isEmpty()) {
      record(id, "loop", "skipped", 1, "re-opened: decision " + stored.get().getDecisionId());
      return;
    }
    Proposed proposed = propose(id, opened.detected(), twin.get());
    List<Remediation> candidates = proposed.candidates();
    if (candidates.isEmpty()) {
      return;
    }
    Optional<Evaluation> evaluation = evaluate(id, stored.get(), twin.get().hash(), candidates);
    if (evaluation.isEmpty()) {
      return;
    }
    Evaluation chosen = evaluation.get();
    Optional<SuspectFit.Result> fit = refit(id, proposed.suspects(), chosen);
    if (fit.isPresent() && fit.get().verdict() == SuspectFit.Verdict.OVERTURNED) {
      chosen = reconsider(id, stored.get(), twin.get(), proposed, fit.get()).orElse(chosen);
    }
    Optional<Remediation> best = best(id, chosen);
    if (best.isEmpty()) {
      return;
    }
    Optional<Decision> decision = submit(id, stored.get(), chosen, best.get());
    if (decision.isPresent()) {
      aftermath.follow(id, opened.detected().id(), decision.get());
    }
  }

  private static String preRankerNote(EvaluationOutcomes.Trained learned) {
    return learned.preRanker().isPresent()
        ? "pre-ranker trained on " + learned.outcomes() + " outcomes of stored evaluations"
        : "no pre-ranker (" + learned.none() + ")";
  }

  /**
   * The suspects stored (telemetry order), the candidates for the sandbox, and what they were
   * proposed from.
   */
  private record Proposed(
      List<Suspect> suspects,
      List<Remediation> candidates,
      RcaInput input,
      long nowSecond,
      Optional<PreRanker> preRanker) {}

  /**
   * When the fit overturned the telemetry's first suspect, the candidates are proposed again for
   * the suspects in the fit's order: if that brings candidates the sandbox has not rehearsed (the
   * budget had cut the new first suspect's remedies), they are evaluated once more and that
   * evaluation decides; otherwise the first one does. One round at most.
   */
  private Optional<Evaluation> reconsider(
      String id,
      io.rehearsal.proto.v1.Incident stored,
      CurrentTwin twin,
      Proposed first,
      SuspectFit.Result fit)
      throws InterruptedException {
    Proposals again =
        new Proposer(p.catalog().orElseThrow())
            .propose(
                twin.withReplicas(first.input()), fit.suspects(), List.of(), first.nowSecond());
    List<Remediation> candidates =
        again.candidates().stream().map(Candidates::remediation).toList();
    // by id: a candidate's summary carries its suspect's reasons, which the fit has added to
    Set<String> rehearsed =
        first.candidates().stream().map(Remediation::getId).collect(Collectors.toSet());
    List<Remediation> fresh =
        candidates.stream().filter(c -> !rehearsed.contains(c.getId())).toList();
    String lead = fit.suspects().get(0).label();
    if (fresh.isEmpty()) {
      record(
          id,
          "proposals",
          "kept",
          2,
          "re-proposed for " + lead + " first: nothing the sandbox has not rehearsed already");
      return Optional.empty();
    }
    p.notes()
        .step(
            id,
            "proposals",
            "done",
            2,
            candidates.size()
                + " candidates re-proposed for "
                + lead
                + " first ("
                + fresh.size()
                + " not rehearsed before: "
                + String.join(", ", fresh.stream().map(Remediation::getId).toList())
                + ")",
            b -> b.clearProposals().addAllProposals(candidates));
    p.metrics().count("proposals", "done");
    return evaluate(id, stored, twin.hash(), candidates);
  }

  /**
   * Suspects and proposals, recorded on the incident; scale proposals start from the twin's replica
   * counts (the spans carry no instance ids).
   */
  private Proposed propose(String id, Incident detected, CurrentTwin twin)
      throws InterruptedException {
    waitForTelemetry(detected);
    RcaInput input;
    List<Suspect> suspects;
    try {
      input = SpanEvidence.input(p.spans().firstStartMillis(), p.spans().snapshot(), detected, id);
      suspects = new RootCauseRanker(RcaConfig.defaults()).rank(input);
    } catch (RuntimeException e) {
      record(id, "suspects", "failed", 1, "cannot rank suspects: " + e.getMessage());
      return new Proposed(List.of(), List.of(), null, 0, Optional.empty());
    }
    List<Suspect> top = suspects.subList(0, Math.min(SUSPECTS_KEPT, suspects.size()));
    List<String> order = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      order.add((i + 1) + ". " + top.get(i).label() + " " + round(top.get(i).score()));
    }
    p.notes()
        .step(
            id,
            "suspects",
            "done",
            1,
            suspects.size()
                + " suspects from the telemetry"
                + (order.isEmpty() ? "" : ": " + String.join(", ", order)),
            b ->
                b.clearSuspectedTargets()
                    .addAllSuspectedTargets(top.stream().map(Candidates::suspect).toList()));
    p.metrics().count("suspects", "done");
    EvaluationOutcomes.Trained learned = p.preRanker().get();
    Proposals proposals =
        new Proposer(p.catalog().orElseThrow(), learned.preRanker().orElse(null))
            .propose(twin.withReplicas(input), suspects, List.of(), detected.openedSecond());
    List<Remediation> candidates =
        proposals.candidates().stream().map(Candidates::remediation).toList();
    String held =
        proposals.heldBack().isEmpty()
            ? ""
            : "; held back: " + String.join("; ", proposals.heldBack());
    String status = candidates.isEmpty() ? "skipped" : "done";
    String replicas =
        twin.replicas().isEmpty()
            ? ""
            : " (replica counts from twin " + twin.hash().substring(0, 12) + ")";
    p.notes()
        .step(
            id,
            "proposals",
            status,
            1,
            candidates.size()
                + " candidates from the catalog"
                + replicas
                + held
                + "; "
                + preRankerNote(learned),
            b -> b.clearProposals().addAllProposals(candidates));
    p.metrics().count("proposals", status);
    return new Proposed(top, candidates, input, detected.openedSecond(), learned.preRanker());
  }

  /**
   * The suspects re-ranked by the fault hypotheses the evaluation fitted to the incident: stored in
   * their new order, and a {@code suspects} step says whether the fit confirmed the telemetry's
   * first suspect, overturned it or named none of them.
   */
  private Optional<SuspectFit.Result> refit(String id, List<Suspect> suspects, Evaluation e) {
    if (suspects.isEmpty()) {
      return Optional.empty();
    }
    SuspectFit.Result fit = SuspectFit.rerank(suspects, e.getFaultHypothesesList());
    record(
        id,
        "suspects",
        fit.verdict().status(),
        1,
        fit.detail(),
        b -> b.clearSuspectedTargets().addAllSuspectedTargets(fit.targets()));
    return Optional.of(fit);
  }

  /** Waits (bounded) until the spans received cover the incident window. */
  private void waitForTelemetry(Incident detected) throws InterruptedException {
    long deadline = p.clock().millis() + p.settings().telemetryWait().toMillis();
    long covered = SpanEvidence.coveredAt(detected);
    while (p.spans().latestEndMillis() < covered && p.clock().millis() < deadline) {
      Thread.sleep(Math.min(500, p.settings().poll().toMillis()));
    }
  }

  private Optional<Evaluation> evaluate(
      String id, io.rehearsal.proto.v1.Incident stored, String twin, List<Remediation> candidates)
      throws InterruptedException {
    io.rehearsal.proto.v1.Incident measured;
    try {
      long onsetMillis =
          stored.getOnset().getSeconds() * 1000 + stored.getOnset().getNanos() / 1_000_000;
      measured =
          EvaluationSymptoms.of(
              stored.toBuilder().setId(id).build(), p.spans().snapshot(), onsetMillis);
    } catch (RuntimeException e) {
      record(id, "evaluation", "failed", 1, "cannot measure the symptoms: " + e.getMessage());
      p.metrics().count("evaluation", "failed");
      return Optional.empty();
    }
    EvaluateRequest request =
        EvaluateRequest.newBuilder()
            .setIncident(measured.toBuilder().setTwinSnapshotHash(twin).clearLoopSteps())
            .addAllCandidates(candidates)
            .setHorizon(
                com.google.protobuf.Duration.newBuilder()
                    .setSeconds(p.settings().horizon().toSeconds())
                    .setNanos(p.settings().horizon().toNanosPart()))
            .setTwinSnapshotHash(twin)
            .build();
    Optional<Evaluation> result =
        attempts.run(
            () ->
                p.remotes()
                    .evaluate(
                        request,
                        p.settings().evaluationTimeout(),
                        evaluationId ->
                            p.notes()
                                .step(
                                    id,
                                    "evaluation",
                                    "requested",
                                    1,
                                    evaluationId
                                        + ": "
                                        + candidates.size()
                                        + " candidates on twin "
                                        + twin.substring(0, 12),
                                    b -> b.setEvaluationId(evaluationId))),
            (attempt, reason, again) -> failed(id, "evaluation", attempt, reason, again));
    if (result.isEmpty()) {
      return result;
    }
    Evaluation e = result.get();
    if (e.getStatus() != EvaluationStatus.EVALUATION_STATUS_SUCCEEDED) {
      record(
          id,
          "evaluation",
          "failed",
          1,
          e.getId() + " " + e.getStatus() + ": " + e.getFailureMessage(),
          b -> b.setEvaluationId(e.getId()));
      return Optional.empty();
    }
    String detail =
        e.getId()
            + " ranked "
            + String.join(", ", e.getRankingList())
            + "; "
            + e.getRecommendation();
    record(id, "evaluation", "done", 1, detail, b -> b.setEvaluationId(e.getId()));
    return result;
  }

  /** The evaluation's best-ranked candidate, unless the sandbox recommends doing nothing. */
  private Optional<Remediation> best(String id, Evaluation e) {
    if (e.getRankingCount() == 0
        || e.getRecommendationKind() == RecommendationKind.RECOMMENDATION_KIND_DO_NOTHING) {
      record(id, "decision", "skipped", 1, "nothing submitted: " + e.getRecommendation());
      return Optional.empty();
    }
    String first = e.getRanking(0);
    Optional<Remediation> best =
        e.getEvidenceList().stream()
            .map(Evidence::getCandidate)
            .filter(c -> c.getId().equals(first))
            .findFirst();
    if (best.isEmpty()) {
      record(
          id,
          "decision",
          "failed",
          1,
          "evaluation " + e.getId() + " holds no evidence for " + first);
    }
    return best;
  }

  private Optional<Decision> submit(
      String id, io.rehearsal.proto.v1.Incident stored, Evaluation e, Remediation best)
      throws InterruptedException {
    RemediationRequest request =
        RemediationRequest.newBuilder()
            .setRequestId(requestId(id, e.getId()))
            .setRemediation(best)
            .setIncidentId(id)
            .setEnvironment(p.settings().environment())
            .setEvaluationId(e.getId())
            .setReason("detector loop: " + stored.getTitle() + "; " + e.getRecommendation())
            .build();
    Optional<Decision> decision =
        attempts
            .run(
                () -> p.remotes().submit(request),
                (attempt, reason, again) -> failed(id, "decision", attempt, reason, again))
            .map(r -> r.getDecision());
    decision.ifPresent(d -> Aftermath.recordDecision(p, id, d, "submitted " + best.getId()));
    return decision;
  }

  /** The request id of an incident's submission: the same for a retry of the same evaluation. */
  static String requestId(String incidentId, String evaluationId) {
    return "loop-" + incidentId + "-" + evaluationId;
  }

  private void failed(String id, String step, int attempt, String reason, boolean again) {
    String status = again ? "retrying" : "failed";
    String detail = reason + (again ? "; retrying" : "; gave up after attempt " + attempt);
    LOG.warnf("Incident %s: %s attempt %d failed: %s", id, step, attempt, detail);
    record(id, step, status, attempt, detail);
  }

  private void record(String id, String step, String status, int attempt, String detail) {
    record(id, step, status, attempt, detail, b -> b);
  }

  private void record(
      String id,
      String step,
      String status,
      int attempt,
      String detail,
      java.util.function.UnaryOperator<io.rehearsal.proto.v1.Incident.Builder> change) {
    p.notes().step(id, step, status, attempt, detail, change);
    p.metrics().count(step, status);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
