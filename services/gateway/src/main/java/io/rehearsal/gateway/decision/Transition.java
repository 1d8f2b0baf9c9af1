package io.rehearsal.gateway.decision;

import io.rehearsal.proto.v1.DecisionState;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The legal transitions of a decision, one constant per row of the table on {@code DecisionState}
 * in decision.proto. A transition that is not listed here is a bug: {@link #of} throws {@link
 * IllegalTransitionException} rather than let a decision reach a state by an undocumented path. New
 * decisions come from {@link DecisionState#DECISION_STATE_UNSPECIFIED} ("(new)").
 */
public enum Transition {
  /** Submit without evaluation_id; sandbox evaluation asked. */
  SUBMITTED_WITHOUT_EVIDENCE(Set.of(State.NEW), State.PENDING_EVIDENCE),
  /** Submit with evidence; policy requires approvers. */
  SUBMITTED_NEEDS_APPROVAL(Set.of(State.NEW), State.PENDING_APPROVAL),
  /** Submit with evidence; policy allows automatically. */
  SUBMITTED_ALLOWED(Set.of(State.NEW), State.APPROVED),
  /** Submit; policy denies (default deny). */
  SUBMITTED_DENIED(Set.of(State.NEW), State.REJECTED),
  /** Evidence arrived; policy requires approvers. */
  EVIDENCE_NEEDS_APPROVAL(Set.of(State.PENDING_EVIDENCE), State.PENDING_APPROVAL),
  /** Evidence arrived; policy allows automatically. */
  EVIDENCE_ALLOWED(Set.of(State.PENDING_EVIDENCE), State.APPROVED),
  /** Evidence arrived and policy denies, or the evaluation failed. */
  EVIDENCE_DENIED(Set.of(State.PENDING_EVIDENCE), State.REJECTED),
  /** Approve below required_approvers (revision + 1). */
  APPROVAL_RECORDED(Set.of(State.PENDING_APPROVAL), State.PENDING_APPROVAL),
  /** Approve reaching required_approvers. */
  APPROVALS_REACHED(Set.of(State.PENDING_APPROVAL), State.APPROVED),
  /** Reject. */
  REVIEWER_REJECTED(Set.of(State.PENDING_APPROVAL), State.REJECTED),
  /** The automation hook acknowledged delivery. */
  HOOK_ACKNOWLEDGED(Set.of(State.APPROVED), State.EXECUTING),
  /** The kill switch or a freeze window refused the dispatch. */
  DISPATCH_BLOCKED(Set.of(State.APPROVED), State.BLOCKED),
  /** Shadow mode: written to the ledger as what would have run; no hook called. */
  SHADOWED(Set.of(State.APPROVED), State.SHADOWED),
  /** ReportOutcome on a shadowed decision: did the incident recover anyway (recorded once). */
  SHADOW_OUTCOME(Set.of(State.SHADOWED), State.SHADOWED),
  /** ReportOutcome succeeded, directly from APPROVED or from EXECUTING. */
  OUTCOME_SUCCEEDED(Set.of(State.APPROVED, State.EXECUTING), State.SUCCEEDED),
  /** ReportOutcome failed, directly from APPROVED or from EXECUTING. */
  OUTCOME_FAILED(Set.of(State.APPROVED, State.EXECUTING), State.FAILED),
  /** expires_at passed before execution started. */
  EXPIRED(Set.of(State.PENDING_EVIDENCE, State.PENDING_APPROVAL, State.APPROVED), State.EXPIRED),
  /** Cancel before execution started. */
  CANCELLED(
      Set.of(State.PENDING_EVIDENCE, State.PENDING_APPROVAL, State.APPROVED), State.CANCELLED);

  private final Set<DecisionState> from;
  private final DecisionState to;

  Transition(Set<DecisionState> from, DecisionState to) {
    this.from = from;
    this.to = to;
  }

  /** The states this transition may start from. */
  public Set<DecisionState> from() {
    return from;
  }

  /** The state this transition leads to. */
  public DecisionState to() {
    return to;
  }

  /** The legal transition from {@code from} to {@code to}, if there is one. */
  public static Optional<Transition> find(DecisionState from, DecisionState to) {
    return Arrays.stream(values()).filter(t -> t.from.contains(from) && t.to == to).findFirst();
  }

  /** Whether {@code from -> to} is legal. */
  public static boolean allowed(DecisionState from, DecisionState to) {
    return find(from, to).isPresent();
  }

  /**
   * The legal transition from {@code from} to {@code to}.
   *
   * @throws IllegalTransitionException when the table has no such row
   */
  public static Transition of(DecisionState from, DecisionState to) {
    return find(from, to).orElseThrow(() -> new IllegalTransitionException(from, to));
  }

  /**
   * Whether no transition leaves {@code state}: REJECTED, EXPIRED, SUCCEEDED, FAILED, CANCELLED,
   * BLOCKED. (SHADOWED is not: it takes its outcome report.)
   */
  public static boolean terminal(DecisionState state) {
    return state != State.NEW && Arrays.stream(values()).noneMatch(t -> t.from.contains(state));
  }

  /** Short names of the proto states, so the table above reads like the one in decision.proto. */
  private static final class State {
    static final DecisionState NEW = DecisionState.DECISION_STATE_UNSPECIFIED;
    static final DecisionState PENDING_EVIDENCE = DecisionState.DECISION_STATE_PENDING_EVIDENCE;
    static final DecisionState PENDING_APPROVAL = DecisionState.DECISION_STATE_PENDING_APPROVAL;
    static final DecisionState APPROVED = DecisionState.DECISION_STATE_APPROVED;
    static final DecisionState REJECTED = DecisionState.DECISION_STATE_REJECTED;
    static final DecisionState EXPIRED = DecisionState.DECISION_STATE_EXPIRED;
    static final DecisionState EXECUTING = DecisionState.DECISION_STATE_EXECUTING;
    static final DecisionState SUCCEEDED = DecisionState.DECISION_STATE_SUCCEEDED;
    static final DecisionState FAILED = DecisionState.DECISION_STATE_FAILED;
    static final DecisionState CANCELLED = DecisionState.DECISION_STATE_CANCELLED;
    static final DecisionState BLOCKED = DecisionState.DECISION_STATE_BLOCKED;
    static final DecisionState SHADOWED = DecisionState.DECISION_STATE_SHADOWED;

    private State() {}
  }
}
