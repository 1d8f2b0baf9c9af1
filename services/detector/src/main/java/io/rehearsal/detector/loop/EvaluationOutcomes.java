package io.rehearsal.detector.loop;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.ml.proposal.ActionKind;
import io.rehearsal.ml.proposal.PreRanker;
import io.rehearsal.ml.proposal.Scope;
import io.rehearsal.ml.rca.FaultKind;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.rehearse.incident.LabelKind;
import io.rehearsal.store.Evaluations;
import io.rehearsal.store.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loop's learned pre-ranker, trained on the sandbox's stored evaluations and the outcomes
 * reported after execution ({@link #reported}): each rehearsed candidate is one outcome — the
 * evaluation's best-fitting fault, the candidate's action, where it applies relative to that
 * fault's target, and whether it did better than doing nothing (probability of improvement over
 * 0.5). Retrained for every incident from the newest evaluations, so what the sandbox has learned
 * about this system orders the candidates when the catalog yields more than the sandbox's budget.
 * Without enough outcomes (4, both kinds) there is none and the catalog's priors order them.
 */
final class EvaluationOutcomes {

  /** Evaluations read per training at most, newest first. */
  static final int READ = 200;

  private static final long SEED = 42;

  private EvaluationOutcomes() {}

  /**
   * A pre-ranker trained on the newest stored evaluations and the outcomes reported to the gateway
   * (its {@code outcomes} ledger), or why there is none.
   */
  static Trained train(Evaluations store, Ledger reported) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (String id : store.recent(READ)) {
      store.get(id).flatMap(EvaluationOutcomes::parse).ifPresent(evaluations::add);
    }
    List<PreRanker.Outcome> outcomes = new ArrayList<>(outcomes(evaluations));
    List<Decision> decisions = new ArrayList<>();
    for (byte[] bytes : reported.newest(READ)) {
      parseDecision(bytes).ifPresent(decisions::add);
    }
    outcomes.addAll(reported(decisions, id -> store.get(id).flatMap(EvaluationOutcomes::parse)));
    try {
      return new Trained(Optional.of(PreRanker.train(outcomes, SEED)), outcomes.size(), "");
    } catch (IllegalArgumentException e) {
      return new Trained(Optional.empty(), outcomes.size(), e.getMessage());
    }
  }

  /** What {@link #train} made: the pre-ranker, the outcomes it saw, and why none if none. */
  record Trained(Optional<PreRanker> preRanker, int outcomes, String none) {}

  /** The outcomes of the succeeded evaluations that fitted a fault of a kind the catalog knows. */
  static List<PreRanker.Outcome> outcomes(List<Evaluation> evaluations) {
    List<PreRanker.Outcome> out = new ArrayList<>();
    for (Evaluation e : evaluations) {
      if (e.getStatus() != EvaluationStatus.EVALUATION_STATUS_SUCCEEDED
          || e.getFaultHypothesesCount() == 0) {
        continue;
      }
      FaultHypothesis best = e.getFaultHypotheses(0);
      Optional<FaultKind> fault = fault(best.getKind());
      if (fault.isEmpty()) {
        continue;
      }
      String faulty = name(best.getTarget());
      for (Evidence ev : e.getEvidenceList()) {
        Optional<ActionKind> action = action(ev.getCandidate());
        if (action.isEmpty() || !ev.hasVsDoNothing()) {
          continue;
        }
        boolean better = ev.getVsDoNothing().getUtility().getProbabilityOfImprovement() > 0.5;
        out.add(
            new PreRanker.Outcome(
                fault.get(),
                action.get(),
                Scope.of(action.get(), name(ev.getCandidate().getTarget()), faulty),
                better));
      }
    }
    return out;
  }

  /**
   * The outcomes reported after execution: a decision that ran, with its evaluation's best-fitting
   * fault, is "better" when every SLO held again within the observation window ({@code
   * time_to_recover_seconds} set) — what happened in production, next to what the twin predicted.
   */
  static List<PreRanker.Outcome> reported(
      List<Decision> decisions, Function<String, Optional<Evaluation>> evaluations) {
    List<PreRanker.Outcome> out = new ArrayList<>();
    for (Decision d : decisions) {
      if (!d.hasExecution()
          || d.getExecution().getResult() != ExecutionResult.EXECUTION_RESULT_SUCCEEDED
          || !d.getExecution().hasObserved()
          || d.getEvaluationId().isEmpty()) {
        continue;
      }
      Optional<Evaluation> e = evaluations.apply(d.getEvaluationId());
      if (e.isEmpty() || e.get().getFaultHypothesesCount() == 0) {
        continue;
      }
      FaultHypothesis best = e.get().getFaultHypotheses(0);
      Optional<FaultKind> fault = fault(best.getKind());
      Remediation r = d.getRequest().getRemediation();
      Optional<ActionKind> action = action(r);
      if (fault.isEmpty() || action.isEmpty()) {
        continue;
      }
      out.add(
          new PreRanker.Outcome(
              fault.get(),
              action.get(),
              Scope.of(action.get(), name(r.getTarget()), name(best.getTarget())),
              d.getExecution().getObserved().hasTimeToRecoverSeconds()));
    }
    return out;
  }

  /**
   * The suspect kind a fitted fault is: the first whose label kind the fault expresses ({@link
   * LabelKind}, as the fit's re-ranking matches them).
   */
  static Optional<FaultKind> fault(io.rehearsal.proto.v1.FaultKind wire) {
    io.rehearsal.twin.spec.FaultKind twin = SuspectFit.kind(wire);
    if (twin == null) {
      return Optional.empty();
    }
    for (FaultKind k : FaultKind.values()) {
      if (LabelKind.of(k.labelKind()).faults().contains(twin)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The catalog's action kind of a remediation; empty for kinds the catalog never proposes. */
  static Optional<ActionKind> action(Remediation r) {
    return switch (r.getActionCase()) {
      case SCALE -> Optional.of(ActionKind.SCALE);
      case ROLLBACK -> Optional.of(ActionKind.ROLLBACK);
      case RESTART -> Optional.of(ActionKind.RESTART);
      case RATE_LIMIT -> Optional.of(ActionKind.RATE_LIMIT);
      case SHED_LOAD -> Optional.of(ActionKind.SHED_LOAD);
      case TIMEOUT_CHANGE, RETRY_CHANGE -> Optional.of(ActionKind.CALL_POLICY);
      default -> Optional.empty();
    };
  }

  private static String name(io.rehearsal.proto.v1.Target t) {
    return t.getService().isEmpty() ? t.getDependency() : t.getService();
  }

  private static Optional<Decision> parseDecision(byte[] bytes) {
    try {
      return Optional.of(Decision.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty(); // not a decision this build reads: not an outcome
    }
  }

  private static Optional<Evaluation> parse(byte[] bytes) {
    try {
      return Optional.of(Evaluation.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty(); // not an evaluation this build reads: not an outcome
    }
  }
}
