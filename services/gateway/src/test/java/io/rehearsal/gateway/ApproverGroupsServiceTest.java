package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.security.Credentials;
import io.rehearsal.gateway.security.RpcRoles;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approver groups in the packaged gateway: a gRPC reviewer's groups are its token's groups that are
 * not roles, plus its configured ones ({@code rehearsal.gateway.approvers."<name>".groups}).
 */
@QuarkusTest
@TestProfile(ApproverGroupsServiceTest.Groups.class)
class ApproverGroupsServiceTest {

  /** The groups test policy, and carol configured as an SRE. */
  public static class Groups implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "rehearsal.gateway.policy-file",
          ApproverGroupsTest.POLICY.toString(),
          "rehearsal.gateway.approvers.\"carol@example.com\".groups",
          "sre,dba");
    }
  }

  @Inject RedisStore store;
  private ManagedChannel channel;

  @BeforeEach
  void open() {
    channel = Credentials.plaintext();
  }

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldTakeGroupsFromTheTokenAndTheConfigurationWhenReviewersApproveOverGrpc() {
    String evaluation = "eval-groups-" + UUID.randomUUID();
    Fixtures.storeEvaluation(
        store, Instant.now(), evaluation, "inc-groups", "roll back", List.of(Fixtures.rollback()));
    RemediationRequest request =
        Fixtures.request(
                "groups-" + UUID.randomUUID(),
                Fixtures.rollback(),
                Environment.ENVIRONMENT_PRODUCTION)
            .toBuilder()
            .setEvaluationId(evaluation)
            .clearRequester()
            .build();
    Decision d = as("local-automation", Set.of(RpcRoles.AUTOMATION)).submit(request).getDecision();
    assertThat(d.getApproverGroupsList()).containsExactly("sre");

    StatusRuntimeException oncallOnly =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> as("erin@example.com", Set.of(RpcRoles.ONCALL)).approve(approval(d, 1)));
    Decision byToken =
        as("frank@example.com", Set.of(RpcRoles.ONCALL, "sre", "frontend")).approve(approval(d, 1));
    Decision byConfiguration =
        as("carol@example.com", Set.of(RpcRoles.ONCALL)).approve(approval(d, 2));

    assertThat(oncallOnly.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(oncallOnly.getStatus().getDescription())
        .contains("erin@example.com is in none of the approver groups [sre]")
        .contains("none known");
    assertThat(byToken.getReviews(0).getGroupsList()).containsExactly("frontend", "sre");
    assertThat(byConfiguration.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(byConfiguration.getReviewsList())
        .extracting(Review::getReviewer)
        .containsExactly("frank@example.com", "carol@example.com");
    assertThat(byConfiguration.getReviews(1).getGroupsList()).containsExactly("dba", "sre");
  }

  private PolicyGatewayGrpc.PolicyGatewayBlockingStub as(String name, Set<String> roles) {
    String token = Credentials.token(name, roles, Instant.now().plus(Duration.ofMinutes(10)));
    return PolicyGatewayGrpc.newBlockingStub(channel)
        .withCallCredentials(Credentials.bearer(token))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static ApproveRequest approval(Decision d, long revision) {
    return ApproveRequest.newBuilder()
        .setDecisionId(d.getId())
        .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
        .setExpectedRevision(revision)
        .build();
  }
}
