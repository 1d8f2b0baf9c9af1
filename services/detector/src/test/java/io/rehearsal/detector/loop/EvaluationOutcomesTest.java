package io.rehearsal.detector.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.proposal.ActionKind;
import io.rehearsal.ml.proposal.PreRanker;
import io.rehearsal.ml.proposal.Scope;
import io.rehearsal.ml.rca.FaultKind;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.ExecutionReport;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.ObservedOutcome;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.store.Ledger;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's pre-ranker, learned from the sandbox's evaluations as a real store keeps them. */
class EvaluationOutcomesTest {

  @TempDir Path dataDir;

  @Test
  void shouldTurnEachRehearsedCandidateIntoAnOutcomeOfTheBestFittingFault() {
    List<PreRanker.Outcome> outcomes = EvaluationOutcomes.outcomes(List.of(evaluation("e1", 0)));

    assertThat(outcomes)
        .containsExactly(
            new PreRanker.Outcome(FaultKind.LATENCY, ActionKind.RESTART, Scope.SUSPECT, true),
            new PreRanker.Outcome(FaultKind.LATENCY, ActionKind.SCALE, Scope.CALLERS, false),
            new PreRanker.Outcome(FaultKind.LATENCY, ActionKind.CALL_POLICY, Scope.CALLERS, false));
  }

  @Test
  void shouldSkipEvaluationsThatFailedOrFittedNoFault() {
    Evaluation failed =
        evaluation("e2", 0).toBuilder()
            .setStatus(EvaluationStatus.EVALUATION_STATUS_FAILED)
            .build();
    Evaluation unfitted = evaluation("e3", 0).toBuilder().clearFaultHypotheses().build();

    assertThat(EvaluationOutcomes.outcomes(List.of(failed, unfitted))).isEmpty();
  }

  @Test
  void shouldLearnThatRestartingTheFaultyServiceHelpsWhenTheStoreHoldsSuchEvaluations() {
    try (RedisStore store = RedisStore.connect(StoreConfig.defaults().withDataDir(dataDir))) {
      Ledger reported = store.journal().ledger("outcomes");
      EvaluationOutcomes.Trained none = EvaluationOutcomes.train(store.evaluations(), reported);
      for (int i = 0; i < 5; i++) {
        Evaluation e = evaluation("eval-" + i, i);
        store
            .evaluations()
            .put(e.getId(), e.toByteArray(), Instant.ofEpochSecond(1_700_000_000L + i));
      }
      Decision ran = ran("restart-catalog", "eval-0", true);
      reported.put(ran.getId(), ran.toByteArray(), 1_700_000_100_000L);
      EvaluationOutcomes.Trained learned = EvaluationOutcomes.train(store.evaluations(), reported);

      assertThat(none.preRanker()).isEmpty();
      assertThat(none.none()).contains("at least 4 outcomes");
      assertThat(learned.outcomes()).as("15 rehearsed, 1 reported").isEqualTo(16);
      PreRanker ranker = learned.preRanker().orElseThrow();
      assertThat(ranker.probabilityBetter(FaultKind.LATENCY, ActionKind.RESTART, Scope.SUSPECT))
          .isGreaterThan(0.5)
          .isGreaterThan(
              ranker.probabilityBetter(FaultKind.LATENCY, ActionKind.SCALE, Scope.CALLERS));
    }
  }

  @Test
  void shouldCountAReportedExecutionAsBetterOnlyWhenTheSlosHeldAgain() {
    Map<String, Evaluation> evaluations = Map.of("e1", evaluation("e1", 0));
    Decision recovered = ran("restart-catalog", "e1", true);
    Decision notRecovered = ran("scale-frontend-0", "e1", false);
    Decision failed =
        recovered.toBuilder()
            .setExecution(
                recovered.getExecution().toBuilder()
                    .setResult(ExecutionResult.EXECUTION_RESULT_FAILED))
            .build();
    Decision unknownEvaluation = recovered.toBuilder().setEvaluationId("gone").build();

    List<PreRanker.Outcome> outcomes =
        EvaluationOutcomes.reported(
            List.of(recovered, notRecovered, failed, unknownEvaluation),
            id -> Optional.ofNullable(evaluations.get(id)));

    assertThat(outcomes)
        .containsExactly(
            new PreRanker.Outcome(FaultKind.LATENCY, ActionKind.RESTART, Scope.SUSPECT, true),
            new PreRanker.Outcome(FaultKind.LATENCY, ActionKind.SCALE, Scope.CALLERS, false));
  }

  /** A decision that ran {@code candidate} of {@code evaluation}, the SLOs back or not. */
  private static Decision ran(String candidate, String evaluation, boolean recovered) {
    Remediation r =
        evaluation(evaluation, 0).getEvidenceList().stream()
            .map(Evidence::getCandidate)
            .filter(c -> c.getId().equals(candidate))
            .findFirst()
            .orElseThrow();
    ObservedOutcome.Builder observed = ObservedOutcome.newBuilder().setSloAttainment(0.9);
    if (recovered) {
      observed.setTimeToRecoverSeconds(42);
    }
    return Decision.newBuilder()
        .setId("dec-" + candidate)
        .setEvaluationId(evaluation)
        .setRequest(RemediationRequest.newBuilder().setRemediation(r))
        .setExecution(
            ExecutionReport.newBuilder()
                .setResult(ExecutionResult.EXECUTION_RESULT_SUCCEEDED)
                .setObserved(observed))
        .build();
  }

  /** catalog's latency fitted; restarting catalog helps, scaling frontend and a timeout do not. */
  private static Evaluation evaluation(String id, int n) {
    return Evaluation.newBuilder()
        .setId(id)
        .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
        .addFaultHypotheses(
            FaultHypothesis.newBuilder()
                .setKind(io.rehearsal.proto.v1.FaultKind.FAULT_KIND_LATENCY_MULTIPLIER)
                .setTarget(Target.newBuilder().setService("catalog"))
                .setGoodnessOfFit(0.9))
        .addEvidence(
            evidence(
                Remediation.newBuilder()
                    .setId("restart-catalog")
                    .setTarget(Target.newBuilder().setService("catalog"))
                    .setRestart(Remediation.Restart.newBuilder().setRolling(true)),
                0.95))
        .addEvidence(
            evidence(
                Remediation.newBuilder()
                    .setId("scale-frontend-" + n)
                    .setTarget(Target.newBuilder().setService("frontend"))
                    .setScale(Remediation.Scale.newBuilder().setAbsolute(3)),
                0.2))
        .addEvidence(
            evidence(
                Remediation.newBuilder()
                    .setId("timeout-frontend")
                    .setTarget(Target.newBuilder().setService("frontend"))
                    .setTimeoutChange(
                        Remediation.TimeoutChange.newBuilder()
                            .setCallee(Target.newBuilder().setService("catalog"))),
                0.3))
        .build();
  }

  private static Evidence evidence(Remediation.Builder candidate, double pImprovement) {
    return Evidence.newBuilder()
        .setCandidate(candidate)
        .setVsDoNothing(
            PairedComparison.newBuilder()
                .setUtility(
                    PairedDifference.newBuilder()
                        .setMean(pImprovement - 0.5)
                        .setCi(ConfidenceInterval.newBuilder().setLevel(0.95))
                        .setProbabilityOfImprovement(pImprovement)))
        .build();
  }
}
