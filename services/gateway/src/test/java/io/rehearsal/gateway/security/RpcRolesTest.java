package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RpcRolesTest {

  private static final String GATEWAY = "rehearsal.v1.PolicyGateway/";

  @Test
  void shouldGiveEveryGeneratedGatewayRpcARowWhenTheProtoGrows() {
    for (MethodDescriptor<?, ?> m : PolicyGatewayGrpc.getServiceDescriptor().getMethods()) {
      assertThat(RpcRoles.rolesFor(m.getFullMethodName()))
          .as("roles of %s", m.getFullMethodName())
          .isNotEmpty();
    }
  }

  @Test
  void shouldMapEachRoleToItsRpcsWhenAsked() {
    assertThat(RpcRoles.rolesFor(GATEWAY + "Submit")).containsExactly(RpcRoles.AUTOMATION);
    assertThat(RpcRoles.rolesFor(GATEWAY + "WatchDecisions")).containsExactly(RpcRoles.AUTOMATION);
    assertThat(RpcRoles.rolesFor(GATEWAY + "ReportOutcome")).containsExactly(RpcRoles.AUTOMATION);
    assertThat(RpcRoles.rolesFor(GATEWAY + "Approve")).containsExactly(RpcRoles.ONCALL);
    assertThat(RpcRoles.rolesFor(GATEWAY + "Reject")).containsExactly(RpcRoles.ONCALL);
    assertThat(RpcRoles.rolesFor(GATEWAY + "Cancel")).containsExactly(RpcRoles.ONCALL);
    assertThat(RpcRoles.rolesFor(GATEWAY + "Explain")).containsExactly(RpcRoles.ONCALL);
    assertThat(RpcRoles.rolesFor(GATEWAY + "GetDecision"))
        .containsExactlyInAnyOrder(RpcRoles.AUTOMATION, RpcRoles.ONCALL);
    assertThat(RpcRoles.rolesFor(GATEWAY + "ListDeadLetters")).containsExactly(RpcRoles.ADMIN);
    assertThat(RpcRoles.rolesFor(GATEWAY + "RetryDeadLetter")).containsExactly(RpcRoles.ADMIN);
    assertThat(RpcRoles.rolesFor(GATEWAY + "SetKillSwitch")).containsExactly(RpcRoles.ADMIN);
    assertThat(RpcRoles.rolesFor(GATEWAY + "GetKillSwitch"))
        .containsExactlyInAnyOrder(RpcRoles.ADMIN, RpcRoles.ONCALL);
  }

  @Test
  void shouldDenyAMethodWithoutARowWhenEvenAnAdminCalls() {
    Caller admin = new Caller("root", Set.of(RpcRoles.ADMIN, RpcRoles.ONCALL), "jwt");

    Optional<Status> refusal = RpcRoles.refusal(GATEWAY + "ReloadPolicies", Optional.of(admin));

    assertThat(refusal).isPresent();
    assertThat(refusal.get().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(refusal.get().getDescription()).contains("deny by default");
  }

  @Test
  void shouldAnswerUnauthenticatedWhenThereIsNoCaller() {
    Optional<Status> refusal = RpcRoles.refusal(GATEWAY + "GetDecision", Optional.empty());

    assertThat(refusal.orElseThrow().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void shouldNameTheNeededRolesWhenTheCallerHasNone() {
    Caller loop = new Caller("loop-1", Set.of(RpcRoles.AUTOMATION), "mtls");

    Status refusal = RpcRoles.refusal(GATEWAY + "Approve", Optional.of(loop)).orElseThrow();

    assertThat(refusal.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(refusal.getDescription()).contains("[oncall]", "loop-1", "[automation]");
  }

  @Test
  void shouldLetProbesThroughWithoutACredentialWhenTheyAreHealthOrReflection() {
    assertThat(RpcRoles.refusal("grpc.health.v1.Health/Check", Optional.empty())).isEmpty();
    assertThat(RpcRoles.isPublic("grpc.reflection.v1.ServerReflection/ServerReflectionInfo"))
        .isTrue();
    assertThat(RpcRoles.isPublic(GATEWAY + "GetDecision")).isFalse();
  }
}
