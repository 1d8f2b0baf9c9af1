package io.rehearsal.gateway.decision;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ExecutionReport;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.store.Ledger;
import io.rehearsal.store.Reads;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What happens to a decision after it is approved: the dispatcher's hand-off (APPROVED to
 * EXECUTING, BLOCKED or SHADOWED) and the executor's outcome report. Each change is a journaled,
 * audited revision like any other; every report is also kept in the {@code outcomes} ledger (the
 * decision with its request, evidence hash and report) for twin fidelity and ranker training.
 */
public final class Executions {

  private final DecisionRecords records;
  private final Optional<Ledger> outcomes;
  private final Clock clock;

  Executions(DecisionRecords records, Optional<Ledger> outcomes, Clock clock) {
    this.records = records;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** The stored decision, its current revision audited; empty for an unknown id. */
  public Optional<Decision> find(String decisionId) {
    return Reads.await(findAsync(decisionId));
  }

  /** {@link #find} without waiting: a dispatcher reads a batch of decisions together. */
  public CompletableFuture<Optional<Decision>> findAsync(String decisionId) {
    return records
        .getAsync(decisionId)
        .thenCompose(
            found ->
                found.isEmpty()
                    ? Reads.done(Optional.<Decision>empty())
                    : records
                        .auditedAsync(found.get())
                        .thenApply(audited -> Optional.of(audited.decision())));
  }

  /**
   * Moves an APPROVED decision at {@code revision} to {@code next} (EXECUTING, BLOCKED or SHADOWED)
   * with {@code reason}; this also removes its outbox entry.
   *
   * @throws GatewayException ABORTED when the decision moved on, NOT_FOUND
   * @throws IllegalTransitionException when {@code next} does not follow APPROVED
   */
  public Decision handOff(String decisionId, long revision, DecisionState next, String reason) {
    StoredDecision current = load(decisionId);
    return write(current, revision, next, reason, Optional.empty());
  }

  /**
   * Records an executor's report: APPROVED or EXECUTING become SUCCEEDED or FAILED; a SHADOWED
   * decision keeps its state and gains the report. An identical repeat returns the decision
   * unchanged.
   *
   * @throws GatewayException INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (another state or a
   *     different report already recorded), ABORTED (a concurrent change; retry)
   */
  public Decision report(ReportOutcomeRequest request) {
    validate(request);
    StoredDecision current = load(request.getDecisionId());
    Decision d = current.decision();
    ExecutionReport report = request.getReport();
    if (d.hasExecution()) {
      if (!d.getExecution().equals(report)) {
        throw precondition(d, "already holds a different outcome report");
      }
      keep(d);
      return d;
    }
    DecisionState next = next(d, report.getResult());
    String who = report.getExecutor().isBlank() ? "the executor" : report.getExecutor();
    String reason =
        (next == DecisionState.DECISION_STATE_SHADOWED
                ? "outcome of the shadowed incident (no action taken) reported by "
                : "outcome reported by ")
            + who
            + ": "
            + report.getResult();
    Decision written = write(current, d.getRevision(), next, reason, Optional.of(report));
    keep(written);
    return written;
  }

  private static DecisionState next(Decision d, ExecutionResult result) {
    return switch (d.getState()) {
      case DECISION_STATE_SHADOWED -> DecisionState.DECISION_STATE_SHADOWED;
      case DECISION_STATE_APPROVED, DECISION_STATE_EXECUTING ->
          result == ExecutionResult.EXECUTION_RESULT_SUCCEEDED
              ? DecisionState.DECISION_STATE_SUCCEEDED
              : DecisionState.DECISION_STATE_FAILED;
      default -> throw precondition(d, "takes no outcome report");
    };
  }

  private Decision write(
      StoredDecision current,
      long revision,
      DecisionState next,
      String reason,
      Optional<ExecutionReport> report) {
    Decision d = current.decision();
    if (d.getRevision() != revision) {
      throw GatewayException.of(
          GatewayException.Reason.ABORTED,
          "decision " + d.getId() + " is at revision " + d.getRevision() + ", not " + revision);
    }
    Transition.of(d.getState(), next);
    Decision.Builder b =
        d.toBuilder()
            .setState(next)
            .addReasons(reason)
            .setRevision(d.getRevision() + 1)
            .setUpdatedAt(Timestamps.of(clock.instant()));
    report.ifPresent(b::setExecution);
    StoredDecision written = new StoredDecision(b.build(), current.explanation());
    return records.update(d.getRevision(), d.getState(), written).decision();
  }

  private void keep(Decision reported) {
    outcomes.ifPresent(
        o ->
            o.put(
                reported.getId(),
                StoredDecision.deterministic(reported),
                Timestamps.instant(reported.getUpdatedAt()).toEpochMilli()));
  }

  private StoredDecision load(String decisionId) {
    return records
        .get(decisionId)
        .map(records::audited)
        .orElseThrow(
            () ->
                GatewayException.of(
                    GatewayException.Reason.NOT_FOUND, "decision '" + decisionId + "' is unknown"));
  }

  private static void validate(ReportOutcomeRequest request) {
    if (request.getDecisionId().isBlank()) {
      throw GatewayException.invalid("decision_id", "is required");
    }
    ExecutionResult result = request.getReport().getResult();
    if (result != ExecutionResult.EXECUTION_RESULT_SUCCEEDED
        && result != ExecutionResult.EXECUTION_RESULT_FAILED) {
      throw GatewayException.invalid("report.result", "must be SUCCEEDED or FAILED");
    }
  }

  private static GatewayException precondition(Decision d, String problem) {
    return GatewayException.of(
        GatewayException.Reason.FAILED_PRECONDITION,
        "decision " + d.getId() + " is " + d.getState() + " and " + problem);
  }
}
