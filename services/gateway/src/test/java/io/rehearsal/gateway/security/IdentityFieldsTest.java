package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.RemediationRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityFieldsTest {

  private static final Caller ALICE = new Caller("alice", Set.of(RpcRoles.ONCALL), "mtls");

  @Test
  void shouldFillTheReviewerFromTheCallerWhenItIsEmpty() {
    ApproveRequest bound =
        (ApproveRequest)
            IdentityFields.bind(ApproveRequest.newBuilder().setDecisionId("d").build(), ALICE);

    assertThat(bound.getReviewer()).isEqualTo("alice");
    assertThat(bound.getDecisionId()).isEqualTo("d");
  }

  @Test
  void shouldRefuseAReviewInAnotherNameWhenTheReviewerDiffers() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                IdentityFields.bind(RejectRequest.newBuilder().setReviewer("bob").build(), ALICE));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(e.getStatus().getDescription()).contains("'bob'", "'alice'");
  }

  @Test
  void shouldKeepAMatchingFieldAndBindActorAndRequesterWhenGiven() {
    CancelRequest cancel =
        (CancelRequest)
            IdentityFields.bind(CancelRequest.newBuilder().setActor("alice").build(), ALICE);
    RemediationRequest submit =
        (RemediationRequest) IdentityFields.bind(RemediationRequest.getDefaultInstance(), ALICE);

    assertThat(cancel.getActor()).isEqualTo("alice");
    assertThat(submit.getRequester()).isEqualTo("alice");
  }

  @Test
  void shouldLeaveOtherMessagesUntouchedWhenTheyCarryNoIdentity() {
    GetDecisionRequest get = GetDecisionRequest.newBuilder().setDecisionId("d").build();

    assertThat(IdentityFields.bind(get, ALICE)).isSameAs(get);
  }
}
