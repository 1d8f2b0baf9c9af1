package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.gateway.security.Credentials;
import io.rehearsal.gateway.security.RpcRoles;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.GetKillSwitchRequest;
import io.rehearsal.proto.v1.KillSwitchState;
import io.rehearsal.proto.v1.PolicyEffect;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.proto.v1.SetKillSwitchRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.service.testing.ServiceContract;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway as configured by default (no policy file: everything denied), over the
 * Quarkus test port (plaintext gRPC, bearer tokens the gateway generated for the test) and its
 * Redis.
 */
@QuarkusTest
class PolicyGatewayServiceTest extends ServiceContract {

  @Inject RedisStore store;

  @Override
  protected List<String> hostedServices() {
    return List.of("rehearsal.v1.PolicyGateway");
  }

  @Test
  void shouldStoreAndAuditAPendingDecisionWhenSubmittedWithoutEvidence() {
    RemediationRequest request =
        Fixtures.request(
                "quarkus-" + UUID.randomUUID(), Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING)
            .toBuilder()
            .clearEvaluationId()
            .clearRequester()
            .build();

    SubmitResponse response = stub().submit(request);
    Decision read =
        stub()
            .getDecision(
                GetDecisionRequest.newBuilder()
                    .setDecisionId(response.getDecision().getId())
                    .build());

    assertThat(response.getCreated()).isTrue();
    assertThat(read.getRequest().getRequester()).isEqualTo("local-automation");
    assertThat(read.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_EVIDENCE);
    assertThat(store.audit().find("decision:" + read.getId() + ":1")).isPresent();
    assertThat(store.audit().verifyChain().intact()).isTrue();
  }

  @Test
  void shouldDenyByDefaultWhenNoPolicyFileIsConfigured() {
    RemediationRequest request =
        Fixtures.request("quarkus-dry", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING)
            .toBuilder()
            .clearEvaluationId()
            .build();

    Explanation e =
        stub(RpcRoles.ONCALL).explain(ExplainRequest.newBuilder().setRequest(request).build());

    assertThat(e.getEffect()).isEqualTo(PolicyEffect.POLICY_EFFECT_DENY);
    assertThat(e.getRules(0).getRuleId()).isEqualTo("no-policy-configured");
    assertThat(e.getRules(0).getMatched()).isTrue();
  }

  @Test
  void shouldAnswerNotFoundWhenTheDecisionIsUnknown() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub().getDecision(GetDecisionRequest.newBuilder().setDecisionId("x").build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void shouldAnswerInvalidArgumentWhenAWatchCursorIsMalformed() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub()
                    .watchDecisions(
                        WatchDecisionsRequest.newBuilder().setAfterCursor("yesterday").build())
                    .hasNext());

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription()).contains("after_cursor");
  }

  @Test
  void shouldAnswerInvalidArgumentWhenAnOutcomeHasNoResult() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub()
                    .reportOutcome(
                        ReportOutcomeRequest.newBuilder().setDecisionId("dec-unknown").build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription()).contains("report.result");
  }

  @Test
  void shouldEngageAndReleaseTheKillSwitchWhenAnAdminChangesItAtRunTime() {
    String target = "ks-" + UUID.randomUUID().toString().substring(0, 8);
    KillSwitchState engaged =
        stub(RpcRoles.ADMIN)
            .setKillSwitch(
                SetKillSwitchRequest.newBuilder()
                    .setTarget(target)
                    .setEngaged(true)
                    .setReason("quarkus test")
                    .build());
    KillSwitchState seen =
        stub(RpcRoles.ONCALL).getKillSwitch(GetKillSwitchRequest.getDefaultInstance());
    KillSwitchState released =
        stub(RpcRoles.ADMIN)
            .setKillSwitch(
                SetKillSwitchRequest.newBuilder()
                    .setTarget(target)
                    .setEngaged(false)
                    .setReason("done")
                    .build());

    assertThat(engaged.getTargetsList()).contains(target);
    assertThat(seen.getTargetsList()).contains(target);
    assertThat(seen.getChangesList())
        .filteredOn(c -> c.getTarget().equals(target))
        .singleElement()
        .satisfies(c -> assertThat(c.getActor()).isEqualTo("local-admin"));
    assertThat(released.getTargetsList()).doesNotContain(target);
    assertThat(store.audit().verifyChain().intact()).isTrue();
  }

  /** As the automation loop, with the token the gateway generated for that role. */
  private PolicyGatewayGrpc.PolicyGatewayBlockingStub stub() {
    return stub(RpcRoles.AUTOMATION);
  }

  private PolicyGatewayGrpc.PolicyGatewayBlockingStub stub(String role) {
    return PolicyGatewayGrpc.newBlockingStub(probe.channel())
        .withCallCredentials(Credentials.bearer(Credentials.localToken(role)));
  }
}
