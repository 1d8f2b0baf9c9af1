package io.rehearsal.gateway;

import static io.rehearsal.gateway.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.gateway.decision.ApproverDirectory;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approver groups through real gRPC and a real redis-server: a decision records the groups its rule
 * named; a reviewer in none of them is refused and nothing is written; members are counted, also
 * for the two-person rule; every channel (gRPC here, Slack and the page through the same desk) gets
 * reviewers' groups from the one {@link ApproverDirectory}.
 */
class ApproverGroupsTest {

  static final Path POLICY = Path.of("src/test/resources/policy/gateway-groups.yaml");

  private static final ApproverDirectory DIRECTORY =
      ApproverDirectory.of(
          Map.of(
              "alice@example.com", List.of("sre"),
              "bob@example.com", List.of("payments"),
              "dave@example.com", List.of("sre", "dba"),
              "loop:checkout-guard", List.of("sre")));

  @TempDir Path dataDir;
  private GatewayHarness gateway;

  @BeforeEach
  void start() {
    gateway =
        GatewayHarness.start(
            dataDir,
            GatewayHarness.Options.DEFAULT
                .withPolicy(PolicySet.load(POLICY))
                .withApprovers(DIRECTORY));
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START);
  }

  @AfterEach
  void stop() throws InterruptedException {
    gateway.close();
  }

  @Test
  void shouldRefuseAReviewerOutsideTheGroupsAndWriteNothingWhenTheRuleNamesGroups() {
    Decision d = submit("r-rollback", Fixtures.rollback());
    assertThat(d.getApproverGroupsList()).containsExactly("sre");
    long auditBefore = gateway.store.audit().size();

    StatusRuntimeException refused =
        catchThrowableOfType(StatusRuntimeException.class, () -> approve(d, "bob@example.com", 1));
    StatusRuntimeException unknown =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> approve(d, "mallory@example.com", 1));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(refused.getStatus().getDescription())
        .contains("bob@example.com is in none of the approver groups [sre]")
        .contains("their groups: payments");
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(unknown.getStatus().getDescription()).contains("their groups: none known");
    Decision after = get(d);
    assertThat(after.getRevision()).isEqualTo(1);
    assertThat(after.getReviewsList()).isEmpty();
    assertThat(gateway.store.audit().size()).isEqualTo(auditBefore);
  }

  @Test
  void shouldCountOnlyGroupMembersTowardsFourEyesWhenTwoSresAreNeeded() {
    Decision d = submit("r-four-eyes", Fixtures.rollback());
    assertThat(d.getRequiredApprovers()).isEqualTo(2);

    Decision one = approve(d, "alice@example.com", 1);
    catchThrowableOfType(StatusRuntimeException.class, () -> approve(one, "bob@example.com", 2));
    StatusRuntimeException again =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> approve(one, "alice@example.com", 2));
    StatusRuntimeException requester =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> approve(one, "loop:checkout-guard", 2));
    Decision two = approve(one, "dave@example.com", 2);

    assertThat(one.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(one.getReasonsList()).last().asString().contains("(1 of 2)");
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(requester.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(requester.getStatus().getDescription()).contains("cannot review");
    assertThat(two.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(two.getRevision()).isEqualTo(3);
    assertThat(two.getReviewsList())
        .extracting(Review::getReviewer)
        .containsExactly("alice@example.com", "dave@example.com");
    assertThat(two.getReviewsList())
        .extracting(r -> (List<String>) List.copyOf(r.getGroupsList()))
        .containsExactly(List.of("sre"), List.of("dba", "sre"));
  }

  @Test
  void shouldAcceptAMemberOfAnyNamedGroupWhenTheRuleNamesSeveral() {
    Decision d = submit("r-restart", Fixtures.restart());
    assertThat(d.getApproverGroupsList()).containsExactly("sre", "payments");

    Decision approved = approve(d, "bob@example.com", 1);

    assertThat(approved.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(approved.getReviews(0).getGroupsList()).containsExactly("payments");
  }

  @Test
  void shouldApplyTheSameGroupsWhenTheReviewArrivesThroughAnotherChannel() {
    Decision d = submit("r-slack", Fixtures.rollback());

    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class,
            () ->
                gateway.desk.approve(
                    approval(d, "bob@example.com", 1).toBuilder()
                        .setChannel(ReviewChannel.REVIEW_CHANNEL_SLACK)
                        .build()));
    Decision counted =
        gateway.desk.approve(
            approval(d, "alice@example.com", 1).toBuilder()
                .setChannel(ReviewChannel.REVIEW_CHANNEL_WEB)
                .build());

    assertThat(refused.reason()).isEqualTo(GatewayException.Reason.PERMISSION_DENIED);
    assertThat(counted.getReviews(0).getChannel()).isEqualTo(ReviewChannel.REVIEW_CHANNEL_WEB);
    assertThat(counted.getReviews(0).getGroupsList()).containsExactly("sre");
  }

  @Test
  void shouldLetAReviewerOutsideTheGroupsRejectWhenStoppingTheAction() {
    Decision d = submit("r-reject", Fixtures.rollback());

    Decision rejected =
        gateway
            .stub()
            .reject(
                RejectRequest.newBuilder()
                    .setDecisionId(d.getId())
                    .setReviewer("bob@example.com")
                    .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
                    .setReason("payments is mid-migration")
                    .setExpectedRevision(1)
                    .build());

    assertThat(rejected.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(rejected.getReviews(0).getGroupsList()).containsExactly("payments");
  }

  private Decision submit(String requestId, io.rehearsal.proto.v1.Remediation r) {
    return gateway
        .stub()
        .submit(request(requestId, r, Environment.ENVIRONMENT_PRODUCTION))
        .getDecision();
  }

  private Decision approve(Decision d, String reviewer, long revision) {
    return gateway.stub().approve(approval(d, reviewer, revision));
  }

  private static ApproveRequest approval(Decision d, String reviewer, long revision) {
    return ApproveRequest.newBuilder()
        .setDecisionId(d.getId())
        .setReviewer(reviewer)
        .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
        .setExpectedRevision(revision)
        .build();
  }

  private Decision get(Decision d) {
    return gateway
        .stub()
        .getDecision(GetDecisionRequest.newBuilder().setDecisionId(d.getId()).build());
  }
}
