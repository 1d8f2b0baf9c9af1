package io.rehearsal.detector.loop;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ExecutionReport;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.ObservedOutcome;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.store.IncidentLifecycle.Stage;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * What follows a submission: the decision is re-read until it runs (EXECUTING: dispatched to the
 * automation hook; SUCCEEDED or FAILED: someone reported already; SHADOWED: recorded, not run) or
 * is refused; a run moves the incident to mitigating, then the loop waits for the detector to
 * resolve it (its symptoms gone for the quiet period) within the recovery window and reports the
 * outcome to the gateway. Each state change and the outcome are recorded on the incident.
 */
final class Aftermath {
  private static final Logger LOG = Logger.getLogger(Aftermath.class);

  /** States in which the action ran (or, shadowed, would have). */
  static final Set<DecisionState> RAN =
      EnumSet.of(
          DecisionState.DECISION_STATE_EXECUTING,
          DecisionState.DECISION_STATE_SUCCEEDED,
          DecisionState.DECISION_STATE_FAILED,
          DecisionState.DECISION_STATE_SHADOWED);

  /** States in which the action will never run. */
  static final Set<DecisionState> REFUSED =
      EnumSet.of(
          DecisionState.DECISION_STATE_REJECTED,
          DecisionState.DECISION_STATE_EXPIRED,
          DecisionState.DECISION_STATE_CANCELLED,
          DecisionState.DECISION_STATE_BLOCKED);

  private final IncidentLoop.Parts p;
  private final Consumer<String> engineMitigating;

  /**
   * @param engineMitigating tells detection that the engine incident (by its engine id) is being
   *     mitigated
   */
  Aftermath(IncidentLoop.Parts parts, Consumer<String> engineMitigating) {
    this.p = parts;
    this.engineMitigating = engineMitigating;
  }

  /** Follows {@code decision} of incident {@code id} until it ran and its outcome is reported. */
  void follow(String id, String engineId, Decision decision) throws InterruptedException {
    Optional<Decision> ran = untilRun(id, decision);
    if (ran.isEmpty()) {
      return;
    }
    boolean shadowed = ran.get().getState() == DecisionState.DECISION_STATE_SHADOWED;
    long started = p.clock().millis();
    boolean resolvedBefore = p.notes().stage(id).filter(s -> s == Stage.RESOLVED).isPresent();
    if (!shadowed) {
      try {
        engineMitigating.accept(engineId);
      } catch (RuntimeException e) {
        LOG.warnf("Cannot mark engine incident %s mitigating: %s", engineId, e.getMessage());
      }
      p.notes().mitigating(id, "remediation " + ran.get().getId() + " " + name(ran.get()));
    }
    boolean recovered = awaitRecovery(id);
    long seconds = (p.clock().millis() - started) / 1000;
    String outcome =
        resolvedBefore
            ? "the incident had resolved before the remediation ran"
            : recovered
                ? "SLOs recovered " + seconds + " s after the remediation ran"
                : "symptoms persist " + seconds + " s after the remediation ran";
    report(id, ran.get(), recovered, started, outcome);
  }

  private Optional<Decision> untilRun(String id, Decision decision) throws InterruptedException {
    long deadline = p.clock().millis() + p.settings().decisionWait().toMillis();
    Decision d = decision;
    while (true) {
      if (RAN.contains(d.getState())) {
        return Optional.of(d);
      }
      if (REFUSED.contains(d.getState())) {
        return Optional.empty();
      }
      if (p.clock().millis() >= deadline) {
        record(
            p,
            id,
            "decision",
            "failed",
            1,
            "still " + name(d) + " after " + p.settings().decisionWait() + "; no longer followed");
        return Optional.empty();
      }
      Thread.sleep(p.settings().poll().toMillis());
      try {
        Decision next = p.remotes().decision(d.getId());
        if (next.getState() != d.getState()) {
          recordDecision(p, id, next, "was " + name(d));
        }
        d = next;
      } catch (RuntimeException e) {
        p.metrics().count("decision", "poll_failed");
        LOG.debugf("Incident %s: cannot read decision %s: %s", id, d.getId(), Attempts.reason(e));
      }
    }
  }

  /** Waits until the incident is resolved or the recovery window ends; true when it resolved. */
  private boolean awaitRecovery(String id) throws InterruptedException {
    long deadline = p.clock().millis() + p.settings().recoveryWindow().toMillis();
    while (true) {
      if (p.notes().stage(id).filter(s -> s == Stage.RESOLVED).isPresent()) {
        return true;
      }
      if (p.clock().millis() >= deadline) {
        return false;
      }
      Thread.sleep(p.settings().poll().toMillis());
    }
  }

  private void report(String id, Decision d, boolean recovered, long started, String outcome)
      throws InterruptedException {
    long now = p.clock().millis();
    ObservedOutcome.Builder observed =
        ObservedOutcome.newBuilder()
            .setWindow(
                com.google.protobuf.Duration.newBuilder()
                    .setSeconds(p.settings().recoveryWindow().toSeconds()))
            .setSloAttainment(recovered ? 1.0 : 0.0);
    if (recovered) {
      observed.setTimeToRecoverSeconds((now - started) / 1000.0);
    }
    ReportOutcomeRequest request =
        ReportOutcomeRequest.newBuilder()
            .setDecisionId(d.getId())
            .setReport(
                ExecutionReport.newBuilder()
                    .setResult(
                        recovered
                            ? ExecutionResult.EXECUTION_RESULT_SUCCEEDED
                            : ExecutionResult.EXECUTION_RESULT_FAILED)
                    .setStartedAt(timestamp(started))
                    .setFinishedAt(timestamp(now))
                    .setObserved(observed)
                    .setExecutor("rehearsal-detector")
                    .setMessage(outcome))
            .build();
    String status = recovered ? "recovered" : "not_recovered";
    Optional<Decision> reported =
        new Attempts(p.settings().attempts(), p.settings().backoff())
            .run(
                () -> p.remotes().reportOutcome(request),
                (attempt, reason, again) ->
                    record(
                        p,
                        id,
                        "outcome",
                        again ? "retrying" : "failed",
                        attempt,
                        outcome + "; report: " + reason));
    if (reported.isPresent()) {
      record(p, id, "outcome", status, 1, outcome + "; reported, decision " + name(reported.get()));
    }
  }

  /** Records a decision's state on the incident, with its reasons. */
  static void recordDecision(IncidentLoop.Parts p, String id, Decision d, String how) {
    String reasons = d.getReasonsCount() == 0 ? "" : ": " + String.join("; ", d.getReasonsList());
    p.notes()
        .step(
            id,
            "decision",
            name(d),
            1,
            d.getId() + " " + how + reasons,
            b -> b.setDecisionId(d.getId()));
    p.metrics().count("decision", name(d));
  }

  private static void record(
      IncidentLoop.Parts p, String id, String step, String status, int attempt, String detail) {
    p.notes().step(id, step, status, attempt, detail);
    p.metrics().count(step, status);
  }

  /** {@code APPROVED} for DECISION_STATE_APPROVED. */
  static String name(Decision d) {
    return d.getState().name().replace("DECISION_STATE_", "");
  }

  private static Timestamp timestamp(long ms) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(ms, 1000L))
        .setNanos((int) Math.floorMod(ms, 1000L) * 1_000_000)
        .build();
  }
}
