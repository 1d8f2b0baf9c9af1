package io.rehearsal.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.rehearsal.policy.Action;
import io.rehearsal.policy.ActionKind;
import io.rehearsal.policy.Environment;
import io.rehearsal.policy.PolicyInput;
import io.rehearsal.proto.v1.BlastRadius;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.EvidenceFlag;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyInputMapperTest {

  private static final Instant FINISHED = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void shouldMapKindTargetEnvironmentBlastRadiusAndParametersWhenAnActionIsMapped() {
    Action action =
        PolicyInputMapper.action(request(scale(Remediation.Scale.newBuilder().setDelta(2))));

    assertThat(action.id()).isEqualTo("scale-checkout");
    assertThat(action.kind()).isEqualTo(ActionKind.SCALE);
    assertThat(action.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(action.target().service()).isEqualTo("checkout");
    assertThat(action.target().region()).isEqualTo("eu-west-1");
    assertThat(action.requester()).isEqualTo("loop:guard");
    assertThat(action.blastRadius().trafficFraction()).isEqualTo(0.3);
    assertThat(action.blastRadius().services()).containsExactly("checkout");
    assertThat(action.parameters()).isEqualTo(Map.of("delta", 2L));
  }

  @Test
  void shouldKeepAZeroOneofParameterWhenScalingToZero() {
    Action action =
        PolicyInputMapper.action(request(scale(Remediation.Scale.newBuilder().setAbsolute(0))));

    assertThat(action.parameters()).isEqualTo(Map.of("absolute", 0L));
  }

  @Test
  void shouldRenderDurationsInSecondsAndNestedMessagesAsMapsWhenParametersAreMapped() {
    Remediation timeout =
        Remediation.newBuilder()
            .setId("timeout")
            .setTimeoutChange(
                Remediation.TimeoutChange.newBuilder()
                    .setTimeout(Duration.newBuilder().setSeconds(1).setNanos(500_000_000))
                    .setCallee(Target.newBuilder().setDependency("payments-api")))
            .build();

    Map<String, Object> parameters = PolicyInputMapper.parameters(timeout);

    assertThat(parameters)
        .containsEntry("timeout", 1.5)
        .containsEntry("callee", Map.of("dependency", "payments-api"));
  }

  @Test
  void shouldMapEvidenceFromTheStoredEvaluationWhenTheCandidateRanksFirst() {
    Evidence evidence = evidence(1, EvidenceFlag.EVIDENCE_FLAG_HIGHER_COST);
    Evaluation evaluation = evaluation(evidence, "scale-checkout restores every SLO (40 s)");

    PolicyInput input =
        PolicyInputMapper.input(
            request(scale(Remediation.Scale.newBuilder().setDelta(2))),
            Optional.of(evaluation),
            Optional.of(evidence));

    io.rehearsal.policy.Evidence mapped = input.evidence().orElseThrow();
    assertThat(mapped.hash()).isEqualTo("h".repeat(64));
    assertThat(mapped.rank()).isEqualTo(1);
    assertThat(mapped.best()).isTrue();
    assertThat(mapped.probabilityOfImprovement()).isEqualTo(0.97);
    assertThat(mapped.utilityCiLower()).isEqualTo(0.02);
    assertThat(mapped.utilityCiUpper()).isEqualTo(0.06);
    assertThat(mapped.flags())
        .containsExactly(io.rehearsal.rehearse.evaluation.EvidenceFlag.HIGHER_COST);
    assertThat(mapped.recommendation()).isEqualTo(Recommendation.Kind.RESTORES);
    assertThat(mapped.createdAt()).isEqualTo(FINISHED);
    assertThat(input.twin().orElseThrow().p99Mape()).isEqualTo(0.08);
    assertThat(input.twin().orElseThrow().calibratedAt()).isEqualTo(FINISHED.minusSeconds(3600));
  }

  @Test
  void shouldNotCallTheCandidateBestWhenTheEvaluationRecommendsDoingNothing() {
    Evidence evidence = evidence(1, EvidenceFlag.EVIDENCE_FLAG_NO_EFFECT);
    Evaluation evaluation = evaluation(evidence, "no candidate is better than doing nothing");

    io.rehearsal.policy.Evidence mapped = PolicyInputMapper.evidence(evaluation, evidence);

    assertThat(mapped.best()).isFalse();
    assertThat(mapped.inconclusive()).isTrue();
  }

  @Test
  void shouldLeaveTheTwinUnknownWhenItsCalibrationTimeIsMissing() {
    Evidence evidence =
        evidence(1).toBuilder()
            .setTwinFidelity(TwinFidelity.newBuilder().setLatencyP99Mape(0.01))
            .build();

    assertThat(PolicyInputMapper.twin(evidence)).isEmpty();
  }

  @Test
  void shouldRankAnUnrankedCandidateByTheRankingOrLastWhenItsRankIsUnset() {
    Evidence unranked = evidence(1).toBuilder().setRank(0).build();
    Evaluation ranked =
        evaluation(unranked, "x restores every SLO").toBuilder().addRanking("other").build();
    Evaluation absent = ranked.toBuilder().clearRanking().addRanking("other").build();

    assertThat(PolicyInputMapper.rank(ranked, unranked)).isEqualTo(1);
    assertThat(PolicyInputMapper.rank(absent, unranked)).isEqualTo(2);
  }

  @Test
  void shouldTreatAnUnsetRecommendationKindAsDoNothingWhenMapped() {
    assertThat(PolicyInputMapper.recommendation(RecommendationKind.RECOMMENDATION_KIND_UNSPECIFIED))
        .isEqualTo(Recommendation.Kind.DO_NOTHING);
    assertThat(
            PolicyInputMapper.recommendation(
                RecommendationKind.RECOMMENDATION_KIND_BEST_MITIGATION))
        .isEqualTo(Recommendation.Kind.BEST_MITIGATION);
  }

  private static Remediation scale(Remediation.Scale.Builder scale) {
    return Remediation.newBuilder()
        .setId("scale-checkout")
        .setScale(scale)
        .setTarget(Target.newBuilder().setService("checkout").setRegion("eu-west-1"))
        .setBlastRadius(
            BlastRadius.newBuilder().setTrafficFraction(0.3).setReplicas(2).addServices("checkout"))
        .build();
  }

  private static RemediationRequest request(Remediation r) {
    return RemediationRequest.newBuilder()
        .setRequestId("r-1")
        .setRemediation(r)
        .setEnvironment(io.rehearsal.proto.v1.Environment.ENVIRONMENT_PRODUCTION)
        .setRequester("loop:guard")
        .build();
  }

  private static Evidence evidence(int rank, EvidenceFlag... flags) {
    return Evidence.newBuilder()
        .setCandidate(scale(Remediation.Scale.newBuilder().setDelta(2)))
        .setRank(rank)
        .addAllFlags(java.util.List.of(flags))
        .setVsDoNothing(
            PairedComparison.newBuilder()
                .setUtility(
                    PairedDifference.newBuilder()
                        .setProbabilityOfImprovement(0.97)
                        .setCi(ConfidenceInterval.newBuilder().setLower(0.02).setUpper(0.06))))
        .setEvidenceHash("h".repeat(64))
        .setTwinFidelity(
            TwinFidelity.newBuilder()
                .setLatencyP50Mape(0.05)
                .setLatencyP99Mape(0.08)
                .setCalibratedAt(timestamp(FINISHED.minusSeconds(3600))))
        .build();
  }

  private static Evaluation evaluation(Evidence evidence, String recommendation) {
    return Evaluation.newBuilder()
        .setId("eval-1")
        .addEvidence(evidence)
        .addRanking(evidence.getCandidate().getId())
        .setRecommendation(recommendation)
        .setRecommendationKind(
            recommendation.contains("restores every SLO")
                ? RecommendationKind.RECOMMENDATION_KIND_RESTORES
                : RecommendationKind.RECOMMENDATION_KIND_DO_NOTHING)
        .setCreatedAt(timestamp(FINISHED.minusSeconds(60)))
        .setFinishedAt(timestamp(FINISHED))
        .build();
  }

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).build();
  }
}
